# Escape 4 of issue 11: a process started in its own session outlived its job. Round 1 tries every way to
# leave something running (double fork with setsid, daemon threads); round 2, in the next job on the same
# worker, looks for anything left: only the worker (the sandbox's pid 1) and itself may exist.
# Expect round 1: output ^"refused"$
# Expect round 2: output ^"alone"$
import threading
import time


def f(ctx):
    unhook()
    if ctx["round"] == 1:
        def daemon():
            time.sleep(2)
            open("/tmp/still-here", "w").write("x")

        threading.Thread(target=daemon, daemon=True).start()
        attempt("setsid", os.setsid)

        def double_fork():
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    time.sleep(30)
                os._exit(0)
            return "forked"

        attempt("double fork", double_fork)
        return verdict()
    time.sleep(0.1)
    others = sorted(int(p) for p in os.listdir("/proc") if p.isdigit() and int(p) not in (os.getppid(), os.getpid()))
    return "alone" if not others else f"others: {others}"
