# Escape 2 of issue 11: jobs read earlier jobs' code from another user. Round 1 carries a secret in its
# code, its inputs and its result; round 2, forked from the same worker, scans all of its own memory
# (a copy of the worker's) for it: the worker never held it as Python objects, and wiped its buffers.
# Expect round 1: output ^"planted FWSECRET-[0-9a-f]{32}"$
# Expect round 2: output ^"nothing found"$
import hashlib
import re

SECRET = "__SECRET__"


def f(ctx):
    unhook()
    if ctx["round"] == 1:
        return f"planted {SECRET}"
    pattern = re.compile(rb"FWSECRET-[0-9a-f]{32}")
    found = set()
    for line in open("/proc/self/maps"):
        fields = line.split()
        if not fields[1].startswith("r") or (len(fields) > 5 and not fields[5].startswith("[heap")):
            continue  # file mappings can fault past their end; the heap and anonymous memory are what matter
        start, end = (int(x, 16) for x in fields[0].split("-"))
        if end - start > 1 << 30:
            continue
        try:
            found.update(pattern.findall(ctypes.string_at(start, end - start)))
        except Exception:  # noqa: BLE001
            continue
    hits = [s for s in found if hashlib.sha256(s).hexdigest() == ctx["secretHash"]]
    return "nothing found" if not hits else f"found {len(hits)} copies of round 1's secret"
