# What is NOT an escape, stated so: code can always choose its own results. Here it finds its job's nonce
# in its own memory and writes a well-formed line for itself, then exits before the harness writes. It
# gets exactly the output it could have returned; no other job's answer and no worker frame is reachable
# (forged-results.py), and the next job is served normally.
# Expect: output ^"chosen by the job"$
import json


def f(ctx):
    unhook()
    nonce = next(frame.f_locals["nonce"] for frame in _frames() if "nonce" in frame.f_locals)
    os.write(3, (json.dumps({"n": nonce, "output": "chosen by the job", "ms": 0}) + "\n").encode())
    os._exit(0)


def _frames():
    frame = sys._getframe()
    while frame:
        yield frame
        frame = frame.f_back
