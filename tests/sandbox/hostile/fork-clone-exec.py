# Creating processes every way Python offers (fork, forkpty, posix_spawn, subprocess, os.system,
# multiprocessing, exec), and clone without CLONE_THREAD: a "thread" that is really a process.
# Expect: output ^"refused"$
import multiprocessing
import subprocess

CLONE_VM, CLONE_FS, CLONE_FILES, CLONE_SIGHAND, SIGCHLD = 0x100, 0x200, 0x400, 0x800, 17


def f(ctx):
    unhook()
    attempt("os.fork", os.fork)
    attempt("os.forkpty", os.forkpty)
    attempt("posix_spawn", lambda: os.posix_spawn("/usr/bin/true", ["true"], {}))
    attempt("subprocess", lambda: subprocess.run(["/usr/bin/true"]).returncode)
    attempt("os.system", lambda: os.system("true") if os.system("true") == 0 else (_ for _ in ()).throw(OSError()))
    attempt("multiprocessing", lambda: multiprocessing.get_context("fork").Process(target=print).start())
    attempt("execv", lambda: os.execv("/usr/bin/true", ["true"]))
    # clone(CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND) shares everything a thread shares but is a process.
    syscall("clone as a thread-like process", 56, CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | SIGCHLD, ctypes.addressof(ctypes.create_string_buffer(65536)) + 65536, 0, 0, 0)
    return verdict()
