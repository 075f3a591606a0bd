# Confinement of one job's process, applied in the forked child before any untrusted code runs:
# a private /tmp (and IPC namespace) of its own, rlimits, no capabilities, no_new_privs and a seccomp
# filter (libseccomp's Python binding, Debian python3-seccomp) that refuses creating processes, ptrace,
# signalling other processes, sockets and the other system calls listed in SECCOMP_DENY.
import ctypes
import errno
import math
import os
import resource
import struct

LIBC = ctypes.CDLL(None, use_errno=True)

CLONE_NEWNS, CLONE_NEWIPC, CLONE_NEWUSER, CLONE_THREAD = 0x00020000, 0x08000000, 0x10000000, 0x00010000
MS_NOSUID, MS_NODEV = 0x2, 0x4
PR_SET_DUMPABLE, PR_CAPBSET_DROP, PR_SET_NO_NEW_PRIVS, PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL = 4, 24, 38, 47, 4
TMP_OPTIONS = b"size=64m,nr_inodes=4096,mode=0700"

# Refused outright (EPERM): process creation and replacement, debugging other processes, sockets,
# namespaces and mounts, kernel keyrings and SysV/POSIX IPC (state that would outlive the job), and
# kernel interfaces numeric code never needs.
SECCOMP_DENY = """
fork vfork execve execveat ptrace process_vm_readv process_vm_writev kcmp pidfd_open pidfd_getfd
pidfd_send_signal tkill socket socketpair unshare setns mount umount2 pivot_root chroot open_tree move_mount
fsopen fsconfig fsmount fspick mount_setattr keyctl add_key request_key bpf perf_event_open userfaultfd
io_uring_setup io_uring_enter io_uring_register memfd_create memfd_secret shmget shmat msgget semget mq_open
kexec_load kexec_file_load init_module finit_module delete_module reboot swapon swapoff acct quotactl syslog
name_to_handle_at open_by_handle_at setuid setgid setreuid setregid setresuid setresgid setgroups setfsuid
setfsgid sethostname setdomainname settimeofday clock_settime clock_adjtime adjtimex iopl ioperm
""".split()
# Signals and scheduling only for the job's own process (pid 0 = itself for the scheduling calls).
SIGNAL_SELF_ONLY = ("kill", "rt_sigqueueinfo", "tgkill", "rt_tgsigqueueinfo")
SCHED_SELF_ONLY = ("prlimit64", "sched_setaffinity", "sched_setscheduler", "sched_setparam", "sched_setattr")
# fcntl F_SETOWN/F_SETSIG/F_SETOWN_EX and ioctl FIOSETOWN/SIOCSPGRP/TIOCSTI would deliver signals or input
# to other processes.
FCNTL_DENY = (8, 10, 15)
IOCTL_DENY = (0x8901, 0x8902, 0x5412)


def _check(result, what):
    if result != 0:
        code = ctypes.get_errno()
        raise OSError(code, f"{what}: {os.strerror(code)}")


def set_dumpable(on):
    """A non-dumpable process's /proc files belong to root: nothing of the same uid can open its memory."""
    _check(LIBC.prctl(PR_SET_DUMPABLE, 1 if on else 0, 0, 0, 0), "prctl(PR_SET_DUMPABLE)")


def private_namespaces():
    """A user namespace of our own (same uid: never root), to mount a fresh /tmp and own an IPC namespace."""
    uid, gid = os.geteuid(), os.getegid()
    set_dumpable(True)  # our own /proc/self/*_map must be writable by us
    _check(LIBC.unshare(CLONE_NEWUSER | CLONE_NEWNS | CLONE_NEWIPC), "unshare (nested user namespaces must be allowed)")
    for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"), ("gid_map", f"{gid} {gid} 1")):
        with open(f"/proc/self/{name}", "w") as f:
            f.write(text)
    _check(LIBC.mount(b"tmpfs", b"/tmp", b"tmpfs", MS_NOSUID | MS_NODEV, TMP_OPTIONS), "mount a private /tmp")
    set_dumpable(False)
    os.chdir("/tmp")  # the old working directory is the worker's /tmp, under the new mount


def apply_limits(limits):
    cpu = max(1, math.ceil(limits["cpuMs"] / 1000))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    # The address-space limit counts what the warm worker already mapped (numpy, scipy) plus the job's budget;
    # it also bounds threads (each maps its stack).
    with open("/proc/self/status") as status:
        vm = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
    space = vm + limits["memoryMb"] * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (space, space))
    resource.setrlimit(resource.RLIMIT_FSIZE, (8 * 1024 * 1024, 8 * 1024 * 1024))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))
    resource.setrlimit(resource.RLIMIT_MEMLOCK, (0, 0))


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]


def drop_capabilities():
    for cap in range(64):
        if LIBC.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 and ctypes.get_errno() == errno.EINVAL:
            break  # past the last capability this kernel knows (EPERM: the set is already empty)
    _check(LIBC.prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0), "clear ambient capabilities")
    _check(LIBC.capset(ctypes.byref(_CapHeader(0x20080522, 0)), (_CapData * 2)()), "capset")
    with open("/proc/self/status") as status:
        caps = {k: v.strip() for k, _, v in (line.partition(":") for line in status) if k in ("CapEff", "CapPrm", "CapBnd", "CapAmb")}
    if any(int(v, 16) for v in caps.values()):
        raise OSError(errno.EPERM, f"capabilities remain: {caps}")
    _check(LIBC.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0), "prctl(PR_SET_NO_NEW_PRIVS)")


PID_PLACEHOLDER = 0x7FFFFFF0  # stands for the job's pid in the filter compiled once per worker
PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 22, 2
PROGRAM = None  # the compiled filter (struct sock_filter[]), made by compile_filter() in the worker


def build_filter(me):
    import seccomp as sc

    deny = sc.ERRNO(errno.EPERM)
    f = sc.SyscallFilter(sc.ALLOW)
    f.set_attr(sc.Attr.ACT_BADARCH, sc.KILL_PROCESS)  # 32-bit (int 0x80) and x32 system calls end the job
    for name in SECCOMP_DENY:
        try:
            f.add_rule(deny, name)
        except (RuntimeError, ValueError):
            pass  # not a system call on this architecture
    # Threads stay allowed (BLAS, user threads): clone with CLONE_THREAD. clone3 hides its flags in memory,
    # so it answers ENOSYS and the C library falls back to clone.
    f.add_rule(deny, "clone", sc.Arg(0, sc.MASKED_EQ, CLONE_THREAD, 0))
    f.add_rule(sc.ERRNO(errno.ENOSYS), "clone3")
    for name in SIGNAL_SELF_ONLY:
        f.add_rule(deny, name, sc.Arg(0, sc.NE, me))
    for name in SCHED_SELF_ONLY:
        f.add_rule(deny, name, sc.Arg(0, sc.NE, 0))
    f.add_rule(deny, "setpriority", sc.Arg(0, sc.NE, 0))
    f.add_rule(deny, "setpriority", sc.Arg(0, sc.EQ, 0), sc.Arg(1, sc.NE, 0))
    f.add_rule(deny, "ioprio_set", sc.Arg(1, sc.NE, 0))
    for cmd in FCNTL_DENY:
        f.add_rule(deny, "fcntl", sc.Arg(1, sc.MASKED_EQ, 0xFFFFFFFF, cmd))
    for cmd in IOCTL_DENY:
        f.add_rule(deny, "ioctl", sc.Arg(1, sc.MASKED_EQ, 0xFFFFFFFF, cmd))
    return f


def compile_filter():
    """Compile the filter once, in the worker, with a placeholder for the pid: building it in every job's
    child costs milliseconds (its memory is copied on write). Each child puts its own pid in."""
    global PROGRAM
    read_fd, write_fd = os.pipe()
    try:
        build_filter(PID_PLACEHOLDER).export_bpf(os.fdopen(write_fd, "wb", closefd=False))
        os.close(write_fd)
        write_fd = None
        program = b"".join(iter(lambda: os.read(read_fd, 65536), b""))
    finally:
        os.close(read_fd)
        if write_fd is not None:
            os.close(write_fd)
    slots = [i for i in range(0, len(program), 8) if struct.unpack_from("=I", program, i + 4)[0] == PID_PLACEHOLDER]
    if len(program) % 8 or not slots:  # libseccomp shares one comparison among the rules naming the pid
        raise RuntimeError("unexpected seccomp program: the pid placeholder was not found")
    PROGRAM = (program, slots)


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def load_seccomp():
    """Install the filter for this process (no_new_privs must be set): the compiled one with our pid in it,
    or, without one, built here."""
    if PROGRAM is None:
        build_filter(os.getpid()).load()
        return
    program, slots = PROGRAM
    data = bytearray(program)
    for i in slots:
        struct.pack_into("=I", data, i + 4, os.getpid())
    buffer = (ctypes.c_char * len(data)).from_buffer(data)
    _check(LIBC.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(_SockFprog(len(data) // 8, ctypes.addressof(buffer))), 0, 0), "install the seccomp filter")


def confine(mode, workdir, limits):
    """Everything between the fork and the first line of untrusted code. Raises when any step fails."""
    if mode == "bwrap":
        private_namespaces()
    else:
        os.chdir(workdir)
    cwd = os.getcwd()
    os.environ.update(HOME=cwd, TMPDIR=cwd)
    apply_limits(limits)
    drop_capabilities()
    load_seccomp()
    return cwd
