# Escape 4 of issue 11: a job wrote forged results straight to its result pipe. Every descriptor it has is
# tried with forged worker frames (guessed ids and nonces, "ready", "done") and forged result lines: the
# worker's protocol pipes are gone (stdin/stdout/stderr are /dev/null), and lines on its own result pipe
# without its nonce make the host refuse the job's results and replace the worker.
# Expect: error the job wrote to its result channel itself; its results are refused
# Recycles: yes
import json


def f(ctx):
    unhook()
    frames = [{"ready": True}] + [{"id": i, "nonce": "0" * 32, "done": True, "reason": None, "anomaly": None} for i in range(1, 50)]
    lines = [{"output": "forged", "ms": 0}, {"n": "0" * 32, "output": "forged", "ms": 0}, {"fatal": "forged"}]
    data = "".join(json.dumps(m) + "\n" for m in frames + lines).encode()
    for fd in range(0, 256):
        try:
            os.write(fd, data)
        except OSError:
            pass
    return "real"
