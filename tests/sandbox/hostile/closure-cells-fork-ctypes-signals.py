# Escape 1 of issue 11, second half: with the hook's closure cells cleared (through gc), fork, ctypes
# and signals were open again. ctypes now loads (it is no boundary), but what it reaches is refused.
# Expect: output ^"refused"$
import signal


def f(ctx):
    unhook()
    libc = ctypes.CDLL(None, use_errno=True)  # loads: the hook no longer stands in the way
    attempt("os.fork", os.fork)
    pid = libc.fork()
    if pid == 0:
        os._exit(0)
    if pid != -1:
        GOT_THROUGH.append("libc fork()")
    attempt("signal the worker", lambda: os.kill(os.getppid(), signal.SIGTERM))
    if libc.kill(os.getppid(), signal.SIGKILL) != -1:
        GOT_THROUGH.append("libc kill(worker)")
    return verdict()
