# Threads stay allowed (BLAS uses them): the seccomp filter refuses clone only without CLONE_THREAD.
# Expect: output ^"8 threads ran"$
import threading

import numpy


def f(ctx):
    done = []
    threads = [threading.Thread(target=lambda: done.append(float(numpy.ones(100) @ numpy.ones(100)))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return f"{len(done)} threads ran" if done == [100.0] * 8 else repr(done)
