# Fieldwork sandbox worker: one warm Python process (numpy/scipy/sympy/mpmath imported once) that runs
# untrusted code, one forked child per job, so no job sees another's state.
#
# Protocol (JSON lines): the host writes {"id", "kind": "call"|"inspect", "code", "function", "calls",
# "limits": {"cpuMs", "wallMs", "memoryMb", "outputBytes"}}; the worker answers one line per job:
# {"id", "ok", "results": [{"output"|"error", "ms"}], "inspect"?, "error"?}. First line: {"ready", ...}.
#
# The child applies rlimits (CPU, address space, file size, processes) and an audit hook that refuses
# sockets, subprocesses, fork, ctypes, and file access outside the Python install and its private temp
# dir. When the host has bubblewrap, the whole worker also runs in its own namespaces (no network,
# read-only root, private /tmp, own PID space): the audit hook is then a second line, not the boundary.
import json
import math
import os
import select
import signal
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # forking after a threaded BLAS started can deadlock

try:
    import numpy  # noqa: E402
except Exception as error:  # reported to the host as a clear "runtime missing" failure
    sys.stdout.write(json.dumps({"ready": False, "error": f"numpy cannot be imported: {error}"}) + "\n")
    sys.stdout.flush()
    sys.exit(0)
for optional in ("scipy", "scipy.special", "scipy.integrate", "sympy", "mpmath"):
    try:
        __import__(optional)
    except Exception:
        pass

PROTOCOL_OUT = sys.stdout
ALLOWED_READ = tuple({os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(os.__file__))} | {os.path.realpath(p) for p in sys.path if p and os.path.isdir(p)})
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


def encode(value, depth=0):
    """Python value -> JSON data: complex as {re, im}, non-finite floats as {"$float": ...}, arrays as lists."""
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
        return [encode(v, depth + 1) for v in value.tolist()]
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
    tmp_dir = os.path.realpath(tmp_dir)
    denied_prefixes = ("socket.", "subprocess.", "os.exec", "os.spawn", "os.posix_spawn", "os.fork", "os.forkpty", "ctypes.", "pty.", "os.kill", "os.killpg", "signal.pthread_kill", "resource.setrlimit", "sys.addaudithook", "shutil.", "os.chdir")
    denied = {"os.system", "os.startfile", "os.putenv", "os.unsetenv", "socket.__new__", "winreg.", "_posixsubprocess.fork_exec", "os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.symlink", "os.link", "os.truncate", "os.chmod", "os.chown"}

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
            if writing or not real.startswith(ALLOWED_READ):
                raise PermissionError(f"not allowed in the sandbox: opening {os.fsdecode(path)}")

    sys.addaudithook(guard)


def apply_limits(limits):
    import resource

    cpu = max(1, math.ceil(limits["cpuMs"] / 1000))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    # The address-space limit counts what the warm worker already mapped (numpy, scipy) plus the job's budget.
    try:
        with open("/proc/self/status") as status:
            vm = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
    except Exception:
        vm = 0
    space = vm + limits["memoryMb"] * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (space, space))
    resource.setrlimit(resource.RLIMIT_FSIZE, (8 * 1024 * 1024, 8 * 1024 * 1024))
    resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def send(fd, obj):
    os.write(fd, (json.dumps(obj, allow_nan=False) + "\n").encode())


def child_main(job, fd, tmp_dir):
    devnull = os.open(os.devnull, os.O_RDWR)
    os.dup2(devnull, 0)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.setsid()
    limits = job["limits"]
    apply_limits(limits)
    sys.stdout = sys.stderr = BoundedOutput(limits["outputBytes"])
    sys.stdin = None
    if job["kind"] == "inspect":
        send(fd, {"inspect": inspect(job["code"], job["function"])})
        return
    namespace = {"__name__": "__sandbox__", "__builtins__": __builtins__}
    install_guard(tmp_dir)
    try:
        exec(compile(job["code"], "<reference>", "exec"), namespace)
    except SyntaxError as error:
        send(fd, {"fatal": f"SyntaxError at line {error.lineno}: {error.msg}"})
        return
    except BaseException as error:  # noqa: BLE001 - everything the code raises is its own failure
        send(fd, {"fatal": describe(error)})
        return
    function = namespace.get(job["function"])
    if not callable(function):
        send(fd, {"fatal": f"the code does not define a function named {job['function']}"})
        return
    for args in job["calls"]:
        start = time.perf_counter()
        try:
            output = encode(function(**{k: decode(v) for k, v in args.items()}))
            line = json.dumps({"output": output, "ms": (time.perf_counter() - start) * 1000}, allow_nan=False)
            if len(line) > limits["outputBytes"]:
                raise OutputLimit(f"returned more than {limits['outputBytes']} bytes")
            os.write(fd, (line + "\n").encode())
        except BaseException as error:  # noqa: BLE001
            send(fd, {"error": describe(error), "ms": (time.perf_counter() - start) * 1000})


def describe(error):
    if isinstance(error, SystemExit):
        return "the code called exit()"
    if isinstance(error, MemoryError):
        return "memory limit exceeded"
    if isinstance(error, RecursionError):
        return "RecursionError: maximum recursion depth exceeded"
    text = str(error)
    return f"{type(error).__name__}: {text[:500]}" if text else type(error).__name__


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


def run_job(job, tmp_dir):
    limits = job["limits"]
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        try:
            child_main(job, write_fd, tmp_dir)
        finally:
            os._exit(0)
    os.close(write_fd)
    deadline = time.monotonic() + limits["wallMs"] / 1000
    chunks, size, reason = [], 0, None
    max_bytes = limits["outputBytes"] * (len(job.get("calls") or [1]) + 1) + 4096
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            reason = f"time limit exceeded ({limits['wallMs']} ms)"
            break
        ready, _, _ = select.select([read_fd], [], [], remaining)
        if not ready:
            continue
        data = os.read(read_fd, 65536)
        if not data:
            break
        size += len(data)
        if size > max_bytes:
            reason = "output limit exceeded"
            break
        chunks.append(data)
    if reason:
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
    os.close(read_fd)
    _, status = os.waitpid(pid, 0)
    if reason is None and os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        reason = "CPU time limit exceeded" if sig == signal.SIGXCPU else f"killed by signal {signal.Signals(sig).name}"
    lines = [json.loads(l) for l in b"".join(chunks).decode(errors="replace").splitlines() if l.strip()]
    return lines, reason


def handle(job, tmp_dir):
    lines, reason = run_job(job, tmp_dir)
    if job["kind"] == "inspect":
        if lines and "inspect" in lines[0]:
            return {"id": job["id"], "ok": True, "inspect": lines[0]["inspect"]}
        return {"id": job["id"], "ok": False, "error": reason or "the inspection did not finish"}
    if lines and "fatal" in lines[0]:
        return {"id": job["id"], "ok": False, "error": lines[0]["fatal"], "results": []}
    results = lines[: len(job["calls"])]
    for _ in range(len(job["calls"]) - len(results)):
        results.append({"error": reason or "the code ended the process", "ms": None})
    return {"id": job["id"], "ok": reason is None, "error": reason, "results": results}


def main():
    tmp_dir = os.getcwd()
    PROTOCOL_OUT.write(json.dumps({"ready": True, "python": sys.version.split()[0], "numpy": numpy.__version__, "pid": os.getpid()}) + "\n")
    PROTOCOL_OUT.flush()
    for raw in sys.stdin:
        if not raw.strip():
            continue
        try:
            job = json.loads(raw)
            answer = handle(job, tmp_dir)
        except Exception as error:  # noqa: BLE001 - a worker bug must not kill the worker
            answer = {"id": job.get("id") if isinstance(job, dict) else None, "ok": False, "error": f"sandbox worker error: {error}"}
        PROTOCOL_OUT.write(json.dumps(answer) + "\n")
        PROTOCOL_OUT.flush()


if __name__ == "__main__":
    if sys.version_info < (3, 10):
        PROTOCOL_OUT.write(json.dumps({"ready": False, "error": f"Python {sys.version.split()[0]} is too old"}) + "\n")
        PROTOCOL_OUT.flush()
        sys.exit(0)
    main()
