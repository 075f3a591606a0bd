# The 32-bit system call entry (int 0x80) from machine code the job maps itself: the filter's bad-arch
# action stops the job outright, and the worker is replaced.
# Expect: error forbidden system call
# Recycles: yes
import mmap


def f(ctx):
    unhook()
    if not X86_64:
        return "refused"
    code = bytes([0xB8, 0x14, 0x00, 0x00, 0x00, 0xCD, 0x80, 0xC3])  # mov eax, 20 (i386 getpid); int 0x80; ret
    page = mmap.mmap(-1, mmap.PAGESIZE, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
    page.write(code)
    address = ctypes.addressof(ctypes.c_char.from_buffer(page))
    result = ctypes.CFUNCTYPE(ctypes.c_int)(address)()
    return f"int 0x80 returned {result}"
