# ctypes straight to the kernel (x86_64 numbers): creating processes, namespaces and mounts, keyrings and
# SysV IPC (state that would outlive the job), bpf, perf, userfaultfd, io_uring, memfd. All refused by
# the job's seccomp filter; clone3 answers ENOSYS (its flags are out of the filter's sight).
# Expect: output ^"refused"$

SIGCHLD, CLONE_VM, CLONE_VFORK, CLONE_NEWUSER, CLONE_NEWNS = 17, 0x100, 0x4000, 0x10000000, 0x20000


def f(ctx):
    unhook()
    syscall("fork", 57)
    syscall("vfork", 58)
    syscall("clone(SIGCHLD)", 56, SIGCHLD, 0, 0, 0, 0)
    syscall("clone(CLONE_VM|CLONE_VFORK)", 56, CLONE_VM | CLONE_VFORK | SIGCHLD, 0, 0, 0, 0)
    syscall("clone3", 435, 0, 0)
    syscall("execve", 59, 0, 0, 0)
    syscall("unshare(NEWUSER)", 272, CLONE_NEWUSER)
    syscall("unshare(NEWNS)", 272, CLONE_NEWNS)
    syscall("setns", 308, 0, 0)
    syscall("mount", 165, 0, 0, 0, 0, 0)
    syscall("umount2 /tmp", 166, ctypes.addressof(ctypes.create_string_buffer(b"/tmp")), 2)
    syscall("chroot", 161, ctypes.addressof(ctypes.create_string_buffer(b"/tmp")))
    syscall("add_key", 248, ctypes.addressof(ctypes.create_string_buffer(b"user")), ctypes.addressof(ctypes.create_string_buffer(b"x")), 0, 0, -4)
    syscall("keyctl", 250, 0, -4, 0, 0, 0)
    syscall("shmget", 29, 1234, 4096, 0o1666)
    syscall("msgget", 68, 1234, 0o1666)
    syscall("semget", 64, 1234, 1, 0o1666)
    syscall("bpf", 321, 0, 0, 0)
    syscall("perf_event_open", 298, 0, 0, -1, -1, 0)
    syscall("userfaultfd", 323, 0)
    syscall("io_uring_setup", 425, 1, ctypes.addressof(ctypes.create_string_buffer(120)))
    syscall("memfd_create", 319, ctypes.addressof(ctypes.create_string_buffer(b"x")), 0)
    syscall("socket", 41, 2, 1, 0)
    return verdict()
