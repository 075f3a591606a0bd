# One job, in the child forked from the warm worker: its own session, only its result pipe left open,
# confined (confine.py), then the untrusted code. Every line it sends carries the job's nonce; the host
# refuses anything else the pipe carries.
import json
import math
import os
import sys
import time

import confine

RESULT_FD = 3
MAX_INT_DIGITS = 4000


class OutputLimit(Exception):
    pass


class BoundedOutput:
    """print() target that stops the job once it has written more than `limit` characters."""

    def __init__(self, limit):
        self.limit = limit
        self.size = 0

    def write(self, text):
        self.size += len(text)
        if self.size > self.limit:
            raise OutputLimit(f"printed more than {self.limit} bytes")
        return len(text)

    def flush(self):
        pass


def isolate_fds(fd):
    """stdin/stdout/stderr become /dev/null (the worker's protocol pipes are gone), the result pipe becomes
    fd 3, and every other inherited descriptor is closed."""
    devnull = os.open(os.devnull, os.O_RDWR)
    for target in (0, 1, 2):
        os.dup2(devnull, target)
    if fd != RESULT_FD:
        os.dup2(fd, RESULT_FD)
    os.closerange(RESULT_FD + 1, 1 << 20)


def send(nonce, obj):
    data = (json.dumps({"n": nonce, **obj}, allow_nan=False) + "\n").encode()
    while data:
        data = data[os.write(RESULT_FD, data):]


def main(header, payload, fd, config, workdir):
    os.setsid()  # its own session and process group, killed as a whole when the job ends
    isolate_fds(fd)
    nonce = header["nonce"]
    job = {**(json.loads(payload) if payload is not None else {}), "kind": header["kind"], "limits": header["limits"]}
    try:
        cwd = confine.confine(config["mode"], workdir, job["limits"])
    except Exception as error:  # noqa: BLE001 - no untrusted code runs unconfined
        send(nonce, {"fatal": f"the sandbox could not confine the job: {error}", "setup": True})
        return
    sys.stdout = sys.stderr = BoundedOutput(job["limits"]["outputBytes"])
    sys.stdin = None
    if job["kind"] == "selftest":
        import selftest

        send(nonce, {"selftest": selftest.run(config, cwd)})
    elif job["kind"] == "inspect":
        send(nonce, {"inspect": inspect(job["code"], job["function"])})
    else:
        call(job, nonce, cwd)


def call(job, nonce, cwd):
    limits = job["limits"]
    namespace = {"__name__": "__sandbox__", "__builtins__": __builtins__}
    install_guard(cwd)
    try:
        exec(compile(job["code"], "<reference>", "exec"), namespace)
    except SyntaxError as error:
        send(nonce, {"fatal": f"SyntaxError at line {error.lineno}: {error.msg}"})
        return
    except BaseException as error:  # noqa: BLE001 - everything the code raises is its own failure
        send(nonce, {"fatal": describe(error)})
        return
    function = namespace.get(job["function"])
    if not callable(function):
        send(nonce, {"fatal": f"the code does not define a function named {job['function']}"})
        return
    for args in job["calls"]:
        start = time.perf_counter()
        try:
            output = encode(function(**{k: decode(v) for k, v in args.items()}))
            line = json.dumps({"output": output}, allow_nan=False)
            if len(line) > limits["outputBytes"]:
                raise OutputLimit(f"returned more than {limits['outputBytes']} bytes")
            send(nonce, {"output": output, "ms": (time.perf_counter() - start) * 1000})
        except BaseException as error:  # noqa: BLE001
            send(nonce, {"error": describe(error), "ms": (time.perf_counter() - start) * 1000})


def describe(error):
    if isinstance(error, SystemExit):
        return "the code called exit()"
    if isinstance(error, MemoryError):
        return "memory limit exceeded"
    if isinstance(error, RecursionError):
        return "RecursionError: maximum recursion depth exceeded"
    text = str(error)
    return f"{type(error).__name__}: {text[:500]}" if text else type(error).__name__


def encode(value, depth=0):
    """Python value -> JSON data: complex as {re, im}, non-finite floats as {"$float": ...}, arrays as lists."""
    import numpy

    if depth > 20:
        raise ValueError("value nested too deeply")
    if isinstance(value, (bool, numpy.bool_)):
        return bool(value)
    if isinstance(value, (int, numpy.integer)):
        value = int(value)
        if abs(value) < 2**53:
            return value
        if value.bit_length() > MAX_INT_DIGITS * 3.33:
            return {"$float": "inf" if value > 0 else "-inf"}
        return float(value)
    if isinstance(value, (float, numpy.floating)):
        value = float(value)
        if math.isnan(value):
            return {"$float": "nan"}
        if math.isinf(value):
            return {"$float": "inf" if value > 0 else "-inf"}
        return value
    if isinstance(value, (complex, numpy.complexfloating)):
        value = complex(value)
        return {"re": encode(value.real), "im": encode(value.imag)}
    if isinstance(value, str):
        return value
    if isinstance(value, numpy.ndarray):
        items = value.tolist()  # a 0-d array gives its scalar
        return [encode(v, depth + 1) for v in items] if isinstance(items, list) else encode(items, depth + 1)
    if isinstance(value, (list, tuple)):
        return [encode(v, depth + 1) for v in value]
    if value is None:
        return None
    for convert in (float, complex):  # sympy / mpmath numbers
        try:
            return encode(convert(value), depth + 1)
        except Exception:
            pass
    return {"$repr": repr(value)[:200]}


def decode(value):
    """JSON data from the host -> Python arguments (complex from {re, im})."""
    if isinstance(value, dict) and set(value) == {"re", "im"}:
        return complex(value["re"], value["im"])
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def install_guard(tmp_dir):
    """A second line only (user code can undo it): refuse the obvious escapes with a readable message."""
    tmp_dir = os.path.realpath(tmp_dir)
    allowed_read = tuple({os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(os.__file__))} | {os.path.realpath(p) for p in sys.path if p and os.path.isdir(p)})
    denied_prefixes = ("socket.", "subprocess.", "os.exec", "os.spawn", "os.posix_spawn", "os.fork", "os.forkpty", "ctypes.", "pty.", "os.kill", "os.killpg", "signal.pthread_kill", "resource.setrlimit", "sys.addaudithook", "shutil.", "os.chdir")
    denied = {"os.system", "os.startfile", "os.putenv", "os.unsetenv", "socket.__new__", "_posixsubprocess.fork_exec", "os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.symlink", "os.link", "os.truncate", "os.chmod", "os.chown"}

    def guard(event, args):
        if event in denied or event.startswith(denied_prefixes):
            raise PermissionError(f"not allowed in the sandbox: {event}")
        if event == "open":
            path, mode = args[0], args[1]
            if isinstance(path, int):
                return
            real = os.path.realpath(os.fsdecode(path))
            writing = isinstance(mode, str) and any(c in mode for c in "wax+")
            if real == tmp_dir or real.startswith(tmp_dir + os.sep):
                return
            if writing or not real.startswith(allowed_read):
                raise PermissionError(f"not allowed in the sandbox: opening {os.fsdecode(path)}")

    sys.addaudithook(guard)


def inspect(code, name):
    import ast

    try:
        tree = ast.parse(code)
    except SyntaxError as error:
        return {"error": f"SyntaxError at line {error.lineno}: {error.msg}", "line": error.lineno}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name:
            a = node.args
            return {
                "found": True,
                "line": node.lineno,
                "async": isinstance(node, ast.AsyncFunctionDef),
                "params": [{"name": p.arg, "annotation": ast.unparse(p.annotation) if p.annotation else None} for p in a.posonlyargs + a.args],
                "kwonly": [p.arg for p in a.kwonlyargs],
                "vararg": a.vararg.arg if a.vararg else None,
                "kwarg": a.kwarg.arg if a.kwarg else None,
                "defaults": len(a.defaults),
                "returns": ast.unparse(node.returns) if node.returns else None,
            }
    names = [n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    return {"found": False, "functions": names}
