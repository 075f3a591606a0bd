# Nothing outside the job's own /tmp is writable: not the interpreter, the worker's files, the sandbox's
# root, /dev or /dev/shm, nor /proc and /sys settings.
# Expect: output ^"refused"$


def f(ctx):
    unhook()
    for path in ("/usr/lib/python3/dist-packages/numpy/__init__.py", "/usr/planted", "/sandbox/worker.py", "/sandbox/planted", "/planted", "/dev/planted", "/dev/shm/planted", "/etc/planted", "/proc/sys/kernel/hostname", "/sys/kernel/mm/transparent_hugepage/enabled", "/proc/1/oom_score_adj"):
        attempt(path, lambda p=path: open(p, "a").write("x"))
    attempt("mkdir /run", lambda: os.mkdir("/run"))
    attempt("chmod /tmp", lambda: os.chmod("/usr", 0o777))
    return verdict()
