# Threads as a bomb: they are bounded by the job's address space (each maps a stack) and die with the job.
# Expect: output ^"stopped after \d{1,3} threads"$
import threading
import time


def f(ctx):
    started = 0
    try:
        while started < 100_000:
            threading.Thread(target=time.sleep, args=(60,), daemon=True).start()
            started += 1
    except Exception:  # noqa: BLE001 - "can't start new thread"
        return f"stopped after {started} threads"
    return f"started {started} threads"
