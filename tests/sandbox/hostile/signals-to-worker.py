# Signals and their side doors to the worker and the sandbox's init: kill, killpg, kill(-1), tgkill,
# rt_sigqueueinfo, pidfd_send_signal, F_SETOWN + F_SETSIG (SIGIO delivering SIGKILL), and renicing or
# re-limiting the worker. All refused; the worker keeps running (the runner checks it was not replaced).
# Expect: output ^"refused"$
import fcntl
import resource
import signal


def f(ctx):
    unhook()
    ppid = os.getppid()
    for pid in (ppid, 1, -1, 0, -ppid):
        attempt(f"kill({pid}, SIGKILL)", lambda p=pid: os.kill(p, signal.SIGKILL))
        attempt(f"kill({pid}, SIGSTOP)", lambda p=pid: os.kill(p, signal.SIGSTOP))
    attempt("killpg(worker's group)", lambda: os.killpg(os.getpgid(ppid), signal.SIGKILL))
    syscall("tgkill(worker)", 234, ppid, ppid, signal.SIGKILL)
    syscall("tkill(worker)", 200, ppid, signal.SIGKILL)
    syscall("rt_sigqueueinfo(worker)", 129, ppid, signal.SIGKILL, ctypes.addressof(ctypes.create_string_buffer(128)))
    syscall("pidfd_send_signal", 424, 0, signal.SIGKILL, 0, 0)
    r, w = os.pipe()
    attempt("F_SETOWN worker", lambda: fcntl.fcntl(r, fcntl.F_SETOWN, ppid))
    attempt("F_SETSIG SIGKILL", lambda: fcntl.fcntl(r, 10, signal.SIGKILL))
    syscall("fcntl F_SETOWN with high bits", 72, r, (1 << 32) | 8, ppid)
    attempt("prlimit(worker)", lambda: resource.prlimit(ppid, resource.RLIMIT_NOFILE, (0, 0)))
    attempt("setpriority(worker)", lambda: os.setpriority(os.PRIO_PROCESS, ppid, 19))
    attempt("sched_setaffinity(worker)", lambda: os.sched_setaffinity(ppid, {0}))
    attempt("write the worker's oom_score_adj", lambda: open(f"/proc/{ppid}/oom_score_adj", "w").write("1000"))
    return verdict()
