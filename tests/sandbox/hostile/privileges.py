# What the job is: an unprivileged uid (never 0, inside or out), no capabilities in any set, no_new_privs,
# a seccomp filter, and a session of its own; it may still signal itself (the filter names its pid).
# Expect: output ^"uid \d+, no capabilities, no_new_privs, seccomp filter, own session, signals itself"$
import signal


def f(ctx):
    unhook()
    status = dict(line.split(":\t", 1) for line in open("/proc/self/status").read().splitlines() if ":\t" in line)
    caps = all(int(status[k], 16) == 0 for k in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"))
    parts = [
        f"uid {os.getuid()}" if 0 not in (os.getuid(), os.geteuid(), os.getgid()) else "ROOT",
        "no capabilities" if caps else f"capabilities {status['CapEff'].strip()}",
        "no_new_privs" if status["NoNewPrivs"].strip() == "1" else "new privileges allowed",
        "seccomp filter" if status["Seccomp"].strip() == "2" else "no seccomp",
        "own session" if os.getsid(0) == os.getpid() else "shared session",
        "signals itself" if _signals_itself() else "cannot signal itself",
    ]
    return ", ".join(parts)


def _signals_itself():
    try:
        os.kill(os.getpid(), 0)
        signal.pthread_kill(threading_ident(), 0)
        return True
    except OSError:
        return False


def threading_ident():
    import threading

    return threading.get_ident()
