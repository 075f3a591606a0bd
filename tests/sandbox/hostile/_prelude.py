# Put before every file of the hostile corpus by tests/sandbox/hostile.test.ts. It first takes the audit
# hook out of the way (through its closure cells, found with gc: escape 1 of issue 11), so that each file
# tests the real boundary and never the hook, and gives a way to report what got through.
import ctypes
import errno
import gc
import os
import platform
import sys

GOT_THROUGH = []


def unhook():
    for obj in gc.get_objects():
        if callable(obj) and getattr(obj, "__name__", "") == "guard" and getattr(obj, "__closure__", None):
            for cell in obj.__closure__:
                value = cell.cell_contents
                if isinstance(value, (set, frozenset)):
                    cell.cell_contents = set()
                elif isinstance(value, tuple):
                    cell.cell_contents = ("/",) if any(str(v).startswith("/") for v in value) else ("\0",)
                elif isinstance(value, str):
                    cell.cell_contents = ""
    try:
        open("/no/such/file/anywhere")
    except FileNotFoundError:
        return
    except PermissionError:
        raise AssertionError("the audit hook still answers: this file would test the hook, not the boundary")


def attempt(name, action):
    """Run `action`; anything it returns (rather than raises) got through."""
    try:
        result = action()
    except Exception:  # noqa: BLE001 - refused, whatever the exception
        return
    GOT_THROUGH.append(f"{name}: {result!r}"[:300])


X86_64 = platform.machine() == "x86_64"


def syscall(name, number, *args):
    """A raw system call (x86_64 numbers): got through unless it returns -1."""
    if not X86_64:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    result = libc.syscall(ctypes.c_long(number), *[ctypes.c_long(a) for a in args])
    if result != -1:
        GOT_THROUGH.append(f"{name}: returned {result}")


def verdict():
    return "refused" if not GOT_THROUGH else "GOT THROUGH: " + "; ".join(GOT_THROUGH)

