# Fieldwork sandbox worker: one warm Python process (numpy/scipy/sympy/mpmath imported once) that runs
# untrusted code, one forked child per job (job.py), confined before the code runs (confine.py). The
# worker never runs untrusted code and never holds a job's code, inputs or results as Python objects:
# they pass through buffers it zeroes, so a later job (forked from this memory) finds nothing of them.
#
# Protocol. Host -> worker: a header line {"id", "nonce", "kind": "call"|"inspect", "limits": {"cpuMs",
# "wallMs", "memoryMb", "outputBytes"}, "calls": <count>, "size": N}, then N bytes of payload (JSON
# {"code", "function", "calls"}), read by the job's child only. Worker -> host: first {"ready": true, ...}
# or {"ready": false, "error"}; per job, frames {"id", "nonce", "chunk": k} followed by k raw bytes of the
# child's result lines (the host checks them), then {"id", "nonce", "done": true, "reason", "anomaly"}.
# Configuration comes in FIELDWORK_SANDBOX (JSON: mode "bwrap"|"unsafe-rlimits", canary, private, workdir).
import gc
import json
import os
import select
import shutil
import signal
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
OUT = 1


def say(message, data=None):
    raw = (json.dumps(message) + "\n").encode()
    for part in (raw, data) if data is not None else (raw,):
        view = memoryview(part)
        while len(view):
            view = view[os.write(OUT, view):]


def refuse_start(error):
    say({"ready": False, "error": error})
    sys.exit(0)


if sys.version_info < (3, 10):
    refuse_start(f"Python {sys.version.split()[0]} is too old")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # forking after a threaded BLAS started can deadlock
CONFIG = json.loads(os.environ.pop("FIELDWORK_SANDBOX", "{}"))
try:
    import confine
    import job as job_module
    import seccomp  # noqa: F401 - the job's filter needs it; checked here so a missing module is named at start
except Exception as error:  # noqa: BLE001
    refuse_start(f"the seccomp module cannot be imported ({error}): install python3-seccomp")
try:
    import numpy
except Exception as error:  # noqa: BLE001 - reported to the host as a clear "runtime missing" failure
    refuse_start(f"numpy cannot be imported: {error}")
for optional in ("scipy", "scipy.special", "scipy.integrate", "sympy", "mpmath"):
    try:
        __import__(optional)
    except Exception:  # noqa: BLE001
        pass

confine.set_dumpable(False)
try:
    confine.compile_filter()
except Exception as error:  # noqa: BLE001
    refuse_start(f"the seccomp filter cannot be compiled: {error}")
gc.freeze()  # a job's garbage collections leave the worker's objects (and their pages) alone
BASELINE_PIDS = {int(p) for p in os.listdir("/proc") if p.isdigit()} if CONFIG.get("mode") == "bwrap" else set()
CHUNK = bytearray(65536)


def wipe(buffer):
    confine.ctypes.memset((confine.ctypes.c_char * len(buffer)).from_buffer(buffer), 0, len(buffer))


class RawInput:
    """Reads the host's pipe without Python's buffered I/O, so payload bytes only land where we wipe them."""

    def __init__(self, fd):
        self.fd, self.buf, self.start, self.end = fd, bytearray(65536), 0, 0

    def read_line(self):
        while True:
            i = self.buf.find(b"\n", self.start, self.end)
            if i >= 0:
                line, self.start = bytes(self.buf[self.start:i]), i + 1  # a header: nothing secret
                return line
            if self.start > 0:  # only header bytes are buffered here: compact them
                self.buf[: self.end - self.start] = self.buf[self.start:self.end]
                self.end, self.start = self.end - self.start, 0
            if self.end == len(self.buf):
                raise ValueError("header line too long")
            n = os.readv(self.fd, [memoryview(self.buf)[self.end:]])
            if n == 0:
                return None
            self.end += n

    def read_into(self, target):
        view, got = memoryview(target), min(len(target), self.end - self.start)
        view[:got] = memoryview(self.buf)[self.start:self.start + got]
        self.start += got
        while got < len(target):
            n = os.readv(self.fd, [view[got:]])
            if n == 0:
                raise EOFError("the host closed the pipe mid-payload")
            got += n

    def wipe(self):
        wipe(self.buf)
        self.start = self.end = 0


def kill_group(pid):
    try:
        os.killpg(pid, signal.SIGKILL)
    except OSError:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


def collect(read_fd, pid, deadline, max_bytes, forward):
    """Pass the child's output on until it exits and closes the pipe, or the wall limit, or too much output."""
    try:
        pidfd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        pidfd = None  # old kernel: the end of the output stands for the end of the job
    size, eof, exited = 0, False, pidfd is None
    try:
        while not (eof and exited):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return "time limit"
            ready, _, _ = select.select(([] if eof else [read_fd]) + ([] if exited else [pidfd]), [], [], remaining)
            if pidfd in ready:
                exited = True
                deadline = min(deadline, time.monotonic() + 1)  # whatever it wrote is in the pipe already
            if read_fd in ready:
                n = os.readv(read_fd, [CHUNK])
                eof, size = n == 0, size + n
                if size > max_bytes:
                    return "output limit"
                if n:
                    forward(memoryview(CHUNK)[:n])
        return None
    finally:
        wipe(CHUNK)
        if pidfd is not None:
            os.close(pidfd)


def run_job(header, payload, forward):
    """Fork; the child confines itself and runs the job; returns (reason, anomaly) as the worker saw them."""
    limits = header["limits"]
    workdir = tempfile.mkdtemp(dir=CONFIG["workdir"]) if CONFIG.get("mode") == "unsafe-rlimits" else None
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_fd)
            job_module.main(header, payload, write_fd, CONFIG, workdir)
        finally:
            os._exit(0)
    os.close(write_fd)
    if payload is not None:
        wipe(payload)  # the child has its own copy
    max_bytes = limits["outputBytes"] * (header.get("calls", 1) + 1) + 4096
    limit = collect(read_fd, pid, time.monotonic() + limits["wallMs"] / 1000, max_bytes, forward)
    kill_group(pid)  # the job's whole process group, whether or not it ended by itself
    os.close(read_fd)
    _, status = os.waitpid(pid, 0)
    if workdir:
        shutil.rmtree(workdir, ignore_errors=True)
    reason = {"time limit": f"time limit exceeded ({limits['wallMs']} ms)", "output limit": "output limit exceeded"}.get(limit)
    anomaly = None
    if reason is None and os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig == signal.SIGSYS:
            reason = anomaly = "the code made a forbidden system call and was stopped"
        else:
            reason = "CPU time limit exceeded" if sig in (signal.SIGXCPU, signal.SIGKILL) else f"killed by signal {signal.Signals(sig).name}"
    strays = sorted({int(p) for p in os.listdir("/proc") if p.isdigit()} - BASELINE_PIDS - {os.getpid()}) if BASELINE_PIDS else []
    if strays:
        anomaly = f"processes outlived their job: {strays}"
    return reason, anomaly


def self_test():
    """Refuse to serve unless a confined job cannot do what the sandbox promises it cannot (by access)."""
    output = bytearray()
    header = {"kind": "selftest", "nonce": "selftest", "limits": {"cpuMs": 5000, "wallMs": 10000, "memoryMb": 256, "outputBytes": 100000}}
    reason, _ = run_job(header, None, output.extend)
    try:
        message = json.loads(bytes(output).splitlines()[0])
        problems = message.get("selftest", [message.get("fatal", "no answer")])
    except (IndexError, ValueError):
        problems = [reason or "the self-test job gave no answer"]
    if problems:
        refuse_start(f"the sandbox self-test failed: {'; '.join(problems)}")


def main():
    self_test()
    say({"ready": True, "python": sys.version.split()[0], "numpy": numpy.__version__, "pid": os.getpid(), "uid": os.getuid()})
    source = RawInput(0)
    while True:
        line = source.read_line()
        if line is None:
            return
        if not line.strip():
            continue
        header = json.loads(line)
        ids = {"id": header.get("id"), "nonce": header.get("nonce")}
        payload = bytearray(int(header["size"]))
        source.read_into(payload)
        source.wipe()
        try:
            reason, anomaly = run_job(header, payload, lambda data: say({**ids, "chunk": len(data)}, data))
        except Exception as error:  # noqa: BLE001 - a worker bug must not kill the worker
            reason, anomaly = f"sandbox worker error: {error}", "worker error"
        finally:
            wipe(payload)
        say({**ids, "done": True, "reason": reason, "anomaly": anomaly})


if __name__ == "__main__":
    main()
