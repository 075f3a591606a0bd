# Escape 2 and 3 of issue 11: /proc/<ppid>/environ (the server's secrets in its environment), the
# worker's memory opened read-write, ptrace, process_vm_readv, the worker's pipes to the host reopened
# through /proc/<pid>/fd, stealing its descriptors.
# Expect: output ^"refused"$


def f(ctx):
    unhook()
    ppid = os.getppid()
    for pid in {ppid, 1}:
        attempt(f"/proc/{pid}/environ", lambda p=pid: open(f"/proc/{p}/environ", "rb").read())
        attempt(f"/proc/{pid}/mem rw", lambda p=pid: open(f"/proc/{p}/mem", "r+b"))
        attempt(f"/proc/{pid}/mem r", lambda p=pid: open(f"/proc/{p}/mem", "rb"))
        attempt(f"/proc/{pid}/maps", lambda p=pid: open(f"/proc/{p}/maps").read(80))
        attempt(f"/proc/{pid}/fd", lambda p=pid: os.listdir(f"/proc/{p}/fd"))
        attempt(f"/proc/{pid}/root", lambda p=pid: os.listdir(f"/proc/{p}/root/"))
        for fd in range(4):  # the worker's pipes to and from the host, reopened through /proc
            attempt(f"/proc/{pid}/fd/{fd} for reading", lambda p=pid, n=fd: open(f"/proc/{p}/fd/{n}", "rb"))
            attempt(f"/proc/{pid}/fd/{fd} for writing", lambda p=pid, n=fd: open(f"/proc/{p}/fd/{n}", "wb"))
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != os.getpid():
            try:
                if b"NEXTAUTH" in open(f"/proc/{entry}/environ", "rb").read() or b"DATABASE_URL" in open(f"/proc/{entry}/environ", "rb").read():
                    GOT_THROUGH.append(f"secrets in /proc/{entry}/environ")
            except OSError:
                pass
    syscall("ptrace(ATTACH, ppid)", 101, 16, ppid, 0, 0)
    syscall("ptrace(SEIZE, ppid)", 101, 0x4206, ppid, 0, 0)
    buf = ctypes.create_string_buffer(64)
    iov_local = (ctypes.c_void_p * 2)(ctypes.addressof(buf), 64)
    iov_remote = (ctypes.c_void_p * 2)(0x400000, 64)
    syscall("process_vm_readv", 310, ppid, ctypes.addressof(iov_local), 1, ctypes.addressof(iov_remote), 1, 0)
    syscall("pidfd_open(ppid)", 434, ppid, 0)
    syscall("kcmp", 312, os.getpid(), ppid, 0, 0, 0)
    return verdict()
