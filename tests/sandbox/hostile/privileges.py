# What the job is: an unprivileged uid (never 0, inside or out), no capabilities in any set, no_new_privs,
# a seccomp filter, and a session of its own.
# Expect: output ^"uid \d+, no capabilities, no_new_privs, seccomp filter, own session"$


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
    ]
    return ", ".join(parts)
