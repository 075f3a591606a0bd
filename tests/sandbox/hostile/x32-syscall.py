# The x32 system call ABI (numbers with bit 30 set) is another door to socket(): the filter's bad-arch
# action stops the job outright, and the worker is replaced.
# Expect: error forbidden system call
# Recycles: yes


def f(ctx):
    unhook()
    syscall("x32 socket", 0x40000000 | 41, 2, 1, 0)
    return verdict()
