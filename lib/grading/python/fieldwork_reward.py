"""Fieldwork's reward function: grade model responses against Fieldwork test bundles, with the same
verdicts as the server's grading API (POST /api/grade) and its review-time checks.

One file, Python >= 3.9, the standard library plus numpy (scipy, sympy and mpmath are imported for the
graded code when installed). Served at GET /api/grade/reward.py and shipped in every release bundle as
reward/fieldwork_reward.py.

Grading (as lib/grading/compare.ts on the server): the response's code is its last ```python block (or
\\begin{python}...\\end{python}); the function named by the ground truth is called on every test case;
numbers match when |a - b| <= abs + rel*|b|, complex component-wise, tuples element-wise with equal length,
strings equal after trimming (and among the options where given), bools exactly; NaN, inf, an exception,
a timeout, a missing block or a missing function fail the case. The score is 1.0 only when every case
passes (cases_passed / cases_total are reported beside it).

The ground truth is the verl export's `reward_model.ground_truth` (a JSON string, or the object):
    {"function_name", "arguments": [{"name", "type", ...}], "returns": {"type", ...},
     "test_cases": [{"inputs": {name: value}, "expected", "tolerance": {"abs", "rel"}}]}
with complex values as {"re", "im"}. A verl row's whole `reward_model` ({"style", "ground_truth"}) is read as its
ground truth too (OpenRLHF's --label_key reward_model passes it so).

Entry points
    compute_score(data_source, solution_str, ground_truth, extra_info=None)
        verl (custom_reward_function.path=fieldwork_reward.py, name=compute_score) ->
        {"score", "passed", "cases_passed", "cases_total", "error"}
    reward_func(...)  one function, two call shapes, told apart by their arguments:
        TRL GRPOTrainer: reward_func(prompts=..., completions=..., completion_ids=..., ground_truth=[...], ...)
            (TRL passes every dataset column as a keyword; completions may be strings or chat messages;
            a `reward_model` column of {"ground_truth": ...} works as well) -> list of floats.
            Positionally: reward_func(completions, ground_truth).
        OpenRLHF (--remote_rm_url fieldwork_reward.py): reward_func(queries, prompts, labels), positionally
            or by those keywords; a query is the prompt followed by the response, a label the ground truth
            -> {"rewards", "scores", "extra_logs"} (torch tensors when torch is importable, else lists).
        The rule: a `completions` keyword means TRL; `queries` or `labels` keywords, or three positional
        arguments, mean OpenRLHF; two positional arguments mean TRL.
    grade(response, ground_truth) -> the full result (per-case inputs, expected, got, passed, error).
    grade_many(responses, ground_truths) -> a list of them, graded in parallel.

Modes
    local (default): each response runs in a child process of a warm helper process (numpy imported
        once; one helper per parallel slot), in a process group and a temporary directory of its own,
        with a wall-time limit, CPU, address-space, file-size and open-file limits, RLIMIT_NPROC = 0 (no
        new processes or threads; BLAS runs single-threaded) and an audit hook refusing subprocesses,
        sockets and writes outside its directory. This protects a training run from accidents (endless
        loops, memory bombs, fork bombs, stray files); it is NOT the server's sandbox (bubblewrap
        namespaces, seccomp, an unprivileged uid). For responses you would not run under your own
        account, use remote mode.
    remote: when FIELDWORK_URL and FIELDWORK_TOKEN (a token with the "grade" scope) are set, responses
        are sent to FIELDWORK_URL/api/grade/batch in batches of up to 256, with their ground truths, and
        graded in the server's sandbox. FIELDWORK_REWARD_MODE=local forces local mode.

Configuration (environment): FIELDWORK_WALL_MS (10000), FIELDWORK_CPU_MS (5000), FIELDWORK_MEMORY_MB (512),
FIELDWORK_OUTPUT_BYTES (1000000) per response, as the server's SANDBOX_* defaults; FIELDWORK_PARALLEL (the
CPUs available) local children at once; FIELDWORK_TIMEOUT_S (300) per remote request.

Command line: python3 fieldwork_reward.py --ground-truth GT.json [--response FILE]  (stdin without
--response) prints the result as JSON.
"""

from __future__ import annotations

import atexit
import json
import math
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

__all__ = ["compute_score", "reward_func", "grade", "grade_many", "extract_code", "parse_ground_truth"]
__version__ = "1"

DEFAULT_TOLERANCE = {"abs": 1e-6, "rel": 1e-6}
NO_PYTHON_BLOCK = "the response has no ```python block"
REFUSED = "the job wrote to its result channel itself; its results are refused"
BATCH_MAX = 256

# ---------------------------------------------------------------------------------------------------------
# The code of a response (lib/grading/compare.ts: lastPythonBlock, the same two patterns)

_FENCED = re.compile(r"```(?:python|py)[ \t\r\f\v]*\n([\s\S]*?)```")
_LATEX_ENV = re.compile(r"\\begin\{python\}([\s\S]*?)\\end\{python\}")


def extract_code(response):
    """The last ```python block (or \\begin{python} environment) of a response, or None."""
    last = None
    for pattern in (_FENCED, _LATEX_ENV):
        for m in pattern.finditer(response):
            if last is None or m.start() > last[0]:
                last = (m.start(), m.group(1))
    return None if last is None else last[1]


# ---------------------------------------------------------------------------------------------------------
# The ground truth

_VALUE_TYPES = ("float", "int", "complex", "bool", "str")


def parse_ground_truth(ground_truth):
    """The verl ground truth (JSON text or object) -> {function_name, arguments, returns, test_cases}.
    Raises ValueError saying what is wrong."""
    gt = ground_truth
    if isinstance(gt, (bytes, bytearray)):
        gt = gt.decode("utf-8")
    if isinstance(gt, str):
        try:
            gt = json.loads(gt)
        except ValueError:
            raise ValueError("the ground truth is not valid JSON") from None
    if not isinstance(gt, dict):
        raise ValueError("the ground truth must be a JSON object")
    if "ground_truth" in gt and "function_name" not in gt:  # a verl row's whole reward_model: {style, ground_truth}
        return parse_ground_truth(gt["ground_truth"])
    name = gt.get("function_name")
    if not isinstance(name, str) or not re.match(r"^[A-Za-z_][A-Za-z0-9_]*$", name):
        raise ValueError("function_name must be a Python identifier")
    arguments = gt.get("arguments") or []
    if not isinstance(arguments, list) or not all(isinstance(a, dict) and isinstance(a.get("name"), str) for a in arguments):
        raise ValueError("arguments must be a list of {name, type}")
    names = [a["name"] for a in arguments]
    returns = gt.get("returns")
    if not isinstance(returns, dict) or returns.get("type") not in _VALUE_TYPES + ("tuple",):
        raise ValueError("returns must be {type: float|int|complex|bool|str|tuple, ...}")
    if returns["type"] == "tuple" and not (isinstance(returns.get("items"), list) and returns["items"]):
        raise ValueError("a tuple return needs items")
    cases = gt.get("test_cases")
    if not isinstance(cases, list) or not cases:
        raise ValueError("test_cases must be a non-empty list")
    test_cases = []
    for i, tc in enumerate(cases):
        if not isinstance(tc, dict) or "expected" not in tc or tc["expected"] is None:
            raise ValueError("test_cases[%d] needs an expected value" % i)
        inputs = tc.get("inputs", {})
        if isinstance(inputs, list):
            if len(inputs) != len(names):
                raise ValueError("test_cases[%d]: %d inputs for %d arguments" % (i, len(inputs), len(names)))
            inputs = dict(zip(names, inputs))
        if not isinstance(inputs, dict):
            raise ValueError("test_cases[%d].inputs must be an object or a list" % i)
        missing = [n for n in names if n not in inputs]
        if missing:
            raise ValueError("test_cases[%d].inputs: missing %s" % (i, ", ".join(missing)))
        tol = tc.get("tolerance") or {}
        tolerance = {
            "abs": float(tol["abs"]) if tol.get("abs") is not None else DEFAULT_TOLERANCE["abs"],
            "rel": float(tol["rel"]) if tol.get("rel") is not None else DEFAULT_TOLERANCE["rel"],
        }
        test_cases.append({"inputs": inputs, "expected": tc["expected"], "tolerance": tolerance})
    return {"function_name": name, "arguments": arguments, "returns": returns, "test_cases": test_cases}


# ---------------------------------------------------------------------------------------------------------
# Comparison: a line-by-line port of lib/grading/compare.ts, reasons included. Values are JSON data as the
# sandbox sends them (complex as {"re", "im"}, non-finite floats as {"$float": "nan"|"inf"|"-inf"}), and
# numbers are read as JavaScript reads them (doubles; ints and floats alike; bools are not numbers).

_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def _js_trim(s):
    return s.strip(_JS_SPACE)


def _is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _as_double(v):
    try:
        return float(v)
    except OverflowError:
        return math.inf if v > 0 else -math.inf


def _js_number_text(x):
    """JavaScript's String(number)."""
    x = _as_double(x)
    if x != x:
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    mantissa, _, exp = repr(abs(x)).partition("e")
    whole, _, frac = mantissa.partition(".")
    digits = whole + frac
    point = len(whole) + (int(exp) if exp else 0)
    stripped = digits.lstrip("0")
    point -= len(digits) - len(stripped)
    s = stripped.rstrip("0") or "0"
    k, n = len(s), point
    if k <= n <= 21:
        text = s + "0" * (n - k)
    elif 0 < n <= 21:
        text = s[:n] + "." + s[n:]
    elif -6 < n <= 0:
        text = "0." + "0" * (-n) + s
    else:
        e = n - 1
        text = (s if k == 1 else s[0] + "." + s[1:]) + "e" + ("+" if e >= 0 else "-") + str(abs(e))
    return sign + text


def _js_string(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\b":
            out.append("\\b")
        elif ch == "\f":
            out.append("\\f")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or 0xD800 <= o <= 0xDFFF:
            out.append("\\u%04x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _js_json(v):
    """JavaScript's JSON.stringify for JSON data."""
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if _is_num(v):
        x = _as_double(v)
        return "null" if (x != x or math.isinf(x)) else _js_number_text(x)
    if isinstance(v, str):
        return _js_string(v)
    if isinstance(v, (list, tuple)):
        return "[" + ",".join(_js_json(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ",".join(_js_string(str(k)) + ":" + _js_json(x) for k, x in v.items()) + "}"
    return _js_string(str(v))


def _js_to_number(v):
    """JavaScript's Number(v), for the values a result can hold."""
    if v is None:
        return 0.0
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if _is_num(v):
        return _as_double(v)
    if isinstance(v, str):
        t = _js_trim(v)
        if t == "":
            return 0.0
        try:
            return float(t) if re.match(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?Infinity$", t) else math.nan
        except ValueError:
            return math.nan
    if isinstance(v, list):
        return 0.0 if not v else (_js_to_number(_js_join(v)) if len(v) == 1 else math.nan)
    return math.nan


def _js_join(v):
    return ",".join("" if x is None else _js_text(x) for x in v)


def _js_text(v):
    """JavaScript's String(v)."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if _is_num(v):
        return _js_number_text(v)
    if isinstance(v, str):
        return v
    if isinstance(v, list):
        return _js_join(v)
    return "[object Object]"


def _describe(v):
    if isinstance(v, dict) and "$float" in v:
        return _js_text(v["$float"])
    if isinstance(v, dict) and "$repr" in v:
        return _js_text(v["$repr"])
    if isinstance(v, dict) and "re" in v:
        return _describe(v["re"]) + ("" if _js_to_number(v.get("im")) < 0 else "+") + _describe(v.get("im")) + "j"
    return _js_json(v)


def _close_enough(a, b, tol):
    return abs(a - b) <= tol["abs"] + tol["rel"] * abs(b)


def _finite(v):
    if not _is_num(v):
        return None
    x = _as_double(v)
    return x if math.isfinite(x) else None


def _complex_parts(v):
    if _is_num(v):
        x = _finite(v)
        return None if x is None else (x, 0.0)
    if isinstance(v, dict) and "re" in v and "im" in v:
        re_, im = _finite(v["re"]), _finite(v["im"])
        return None if re_ is None or im is None else (re_, im)
    return None


def _elements(returns):
    if returns["type"] == "tuple":
        return returns.get("items") or []
    return [{"type": returns["type"], "options": returns.get("options")}]


def _type_problem(actual, element):
    t = element["type"]
    if t in ("float", "int"):
        if isinstance(actual, bool):
            return "returned a bool (%s), expected %s" % ("true" if actual else "false", t)
        if isinstance(actual, dict) and "$float" in actual:
            return "returned %s, which is not finite" % _js_text(actual["$float"])
        x = _finite(actual)
        if x is None:
            return "returned %s, expected %s" % (_describe(actual), t)
        if t == "int" and not x.is_integer():
            return "returned %s, expected an integer" % _describe(actual)
        return None
    if t == "complex":
        return None if _complex_parts(actual) else "returned %s, expected a finite complex number" % _describe(actual)
    if t == "bool":
        return None if isinstance(actual, bool) else "returned %s, expected a bool" % _describe(actual)
    if t == "str":
        if not isinstance(actual, str):
            return "returned %s, expected a str" % _describe(actual)
        options = element.get("options")
        if options and _js_trim(actual) not in options:
            return "returned %s, not one of the options" % _js_json(actual)
        return None
    return "unknown type %s" % t


def _compare_element(actual, expected, element, tol):
    problem = _type_problem(actual, element)
    if problem:
        return problem
    t = element["type"]
    if t in ("float", "int"):
        b = _complex_parts(expected)
        if not b or b[1] != 0:
            return "the expected value %s is not a real number" % _describe(expected)
        if _close_enough(_as_double(actual), b[0], tol):
            return None
        return "%s \u2260 %s (tolerance abs %s, rel %s)" % (_describe(actual), _describe(expected), _js_number_text(tol["abs"]), _js_number_text(tol["rel"]))
    if t == "complex":
        a = _complex_parts(actual)
        b = _complex_parts(expected)
        if not b:
            return "the expected value %s is not a complex number" % _describe(expected)
        if _close_enough(a[0], b[0], tol) and _close_enough(a[1], b[1], tol):
            return None
        return "%s \u2260 %s (component-wise, abs %s, rel %s)" % (_describe(actual), _describe(expected), _js_number_text(tol["abs"]), _js_number_text(tol["rel"]))
    if t == "bool":
        return None if actual is expected else "%s \u2260 %s" % (_describe(actual), _describe(expected))
    if t == "str":
        if isinstance(expected, str) and _js_trim(actual) == _js_trim(expected):
            return None
        return "%s \u2260 %s" % (_describe(actual), _describe(expected))
    return "unknown type %s" % t


def _compare_output(actual, expected, returns, tol):
    elements = _elements(returns)
    if returns["type"] != "tuple":
        return _compare_element(actual, expected, elements[0], tol)
    if not isinstance(actual, list):
        return "returned %s, expected a tuple of %d" % (_describe(actual), len(elements))
    if not isinstance(expected, list) or len(expected) != len(elements):
        return "the expected value is not a tuple of %d" % len(elements)
    if len(actual) != len(expected):
        return "returned %d values, expected %d" % (len(actual), len(expected))
    for i, element in enumerate(elements):
        reason = _compare_element(actual[i], expected[i], element, tol)
        if reason:
            return "element %d: %s" % (i, reason)
    return None


def _grade_call(result, expected, returns, tol):
    """(passed, reason) of one call's result, as gradeCall in compare.ts."""
    if result is None:
        return False, "not run"
    if "error" in result:
        return False, result["error"]
    if expected is None:
        return False, "no expected output stored"
    reason = _compare_output(result.get("output"), expected, returns, tol)
    return reason is None, reason


def _verdict(bundle, code, results, ms):
    cases = []
    for index, tc in enumerate(bundle["test_cases"]):
        base = {"index": index, "inputs": tc["inputs"], "expected": tc["expected"]}
        if code is None or results is None:
            cases.append(dict(base, got=None, passed=False, error=NO_PYTHON_BLOCK))
            continue
        result = results[index] if index < len(results) else None
        passed, reason = _grade_call(result, tc["expected"], bundle["returns"], tc["tolerance"])
        got = result.get("output") if result is not None and "output" in result else None
        cases.append(dict(base, got=got, passed=passed, error=reason))
    cases_passed = sum(1 for c in cases if c["passed"])
    passed = bool(cases) and cases_passed == len(cases)
    first = next((c for c in cases if not c["passed"]), None)
    return {
        "passed": passed,
        "score": 1.0 if passed else 0.0,
        "cases_passed": cases_passed,
        "cases_total": len(cases),
        "cases": cases,
        "code": code,
        "function_name": bundle["function_name"],
        "error": "" if first is None else "case %d: %s" % (first["index"], first["error"]),
        "ms": round(ms, 1),
    }


# ---------------------------------------------------------------------------------------------------------
# Local mode: warm helper processes, one child process per response (as the server's sandbox worker, with
# rlimits and an audit hook instead of namespaces and seccomp)


def _env_int(name, default):
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


def _limits():
    return {
        "wallMs": _env_int("FIELDWORK_WALL_MS", 10000),
        "cpuMs": _env_int("FIELDWORK_CPU_MS", 5000),
        "memoryMb": _env_int("FIELDWORK_MEMORY_MB", 512),
        "outputBytes": _env_int("FIELDWORK_OUTPUT_BYTES", 1000000),
    }


def _parallel():
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, _env_int("FIELDWORK_PARALLEL", cpus))


class _Helper:
    """A warm helper process (this file run with --worker): numpy imported once, a child forked per job."""

    def __init__(self):
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", MKL_NUM_THREADS="1", PYTHONDONTWRITEBYTECODE="1")
        self.proc = subprocess.Popen(
            [sys.executable, os.path.abspath(__file__), "--worker"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, close_fds=True,
        )
        ready = self.proc.stdout.readline()
        if not ready:
            raise RuntimeError("the fieldwork_reward helper did not start (is numpy installed for %s?)" % sys.executable)

    def run(self, job):
        data = json.dumps(job, allow_nan=False).encode()
        self.proc.stdin.write(b"%d\n" % len(data) + data)
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("the fieldwork_reward helper stopped")
        return json.loads(line)

    def close(self):
        try:
            self.proc.kill()
            self.proc.wait(5)
        except Exception:  # noqa: BLE001
            pass


class _Pool:
    def __init__(self):
        self.pid = os.getpid()
        self.idle = []
        self.lock = threading.Lock()

    def run(self, job):
        with self.lock:
            helper = self.idle.pop() if self.idle else None
        if helper is None:
            helper = _Helper()
        try:
            answer = helper.run(job)
        except Exception:
            helper.close()
            raise
        with self.lock:
            self.idle.append(helper)
        return answer

    def close(self):
        with self.lock:
            helpers, self.idle = self.idle, []
        for helper in helpers:
            helper.close()


_POOL = None
_POOL_LOCK = threading.Lock()


def _pool():
    global _POOL
    with _POOL_LOCK:
        if _POOL is None or _POOL.pid != os.getpid():  # a forked caller gets helpers of its own
            _POOL = _Pool()
        return _POOL


@atexit.register
def _close_pool():
    if _POOL is not None and _POOL.pid == os.getpid():
        _POOL.close()


def _run_local(code, function_name, calls, limits):
    """Per-call results [{output, ms} | {error, ms}], as the server's runCode fills them."""
    answer = _pool().run({"code": code, "function": function_name, "calls": calls, "limits": limits})
    results, error = answer.get("results") or [], answer.get("error")
    if len(results) == len(calls):
        return results
    return [results[i] if i < len(results) else {"error": error or "not run", "ms": None} for i in range(len(calls))]


def _grade_local(response, bundle, limits):
    started = time.perf_counter()
    code = extract_code(response)
    if code is None:
        return _verdict(bundle, None, None, (time.perf_counter() - started) * 1000)
    calls = [tc["inputs"] for tc in bundle["test_cases"]]
    results = _run_local(code, bundle["function_name"], calls, limits)
    return _verdict(bundle, code, results, (time.perf_counter() - started) * 1000)


# ---------------------------------------------------------------------------------------------------------
# Remote mode: POST /api/grade/batch


def _remote_config():
    if os.environ.get("FIELDWORK_REWARD_MODE", "").lower() == "local":
        return None
    url, token = os.environ.get("FIELDWORK_URL"), os.environ.get("FIELDWORK_TOKEN")
    return (url.rstrip("/"), token) if url and token else None


def _post(url, token, body):
    timeout = _env_int("FIELDWORK_TIMEOUT_S", 300)
    data = json.dumps(body, allow_nan=False).encode()
    for attempt in range(8):
        request = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": "application/json", "Authorization": "Bearer " + token})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            text = error.read().decode("utf-8", "replace")
            if error.code in (429, 502, 503, 504) and attempt < 7:
                retry = error.headers.get("Retry-After")
                time.sleep(float(retry) if retry and retry.isdigit() else min(30, 2 ** attempt))
                continue
            try:
                message = json.loads(text).get("error", text)
            except ValueError:
                message = text
            raise RuntimeError("Fieldwork answered %d: %s" % (error.code, message)) from None
        except urllib.error.URLError as error:
            if attempt < 7:
                time.sleep(min(30, 2 ** attempt))
                continue
            raise RuntimeError("cannot reach Fieldwork at %s: %s" % (url, error.reason)) from None
    raise RuntimeError("Fieldwork kept refusing the request")


def _from_api(result):
    first = next((c for c in result["cases"] if not c["passed"]), None)
    return {
        "passed": result["passed"],
        "score": float(result["score"]),
        "cases_passed": result["casesPassed"],
        "cases_total": result["casesTotal"],
        "cases": result["cases"],
        "code": result["code"],
        "function_name": result["functionName"],
        "error": "" if first is None else "case %d: %s" % (first["index"], first["error"]),
        "ms": result["ms"],
    }


def _grade_remote(responses, ground_truths, remote):
    url, token = remote
    out = []
    for start in range(0, len(responses), BATCH_MAX):
        requests = [
            {"groundTruth": gt if isinstance(gt, (str, dict)) else json.dumps(gt), "response": r}
            for r, gt in zip(responses[start:start + BATCH_MAX], ground_truths[start:start + BATCH_MAX])
        ]
        answer = _post(url + "/api/grade/batch", token, {"requests": requests})
        for i, result in enumerate(answer["results"]):
            if "error" in result and "cases" not in result:
                raise ValueError("response %d: %s%s" % (start + i, result["error"], "".join("; %s: %s" % (x["path"], x["message"]) for x in result.get("issues", []))))
            out.append(_from_api(result))
    return out


# ---------------------------------------------------------------------------------------------------------
# The public API


def grade(response, ground_truth):
    """Grade one response -> {passed, score, cases_passed, cases_total, cases, code, function_name, error, ms}."""
    return grade_many([response], [ground_truth])[0]


def grade_many(responses, ground_truths):
    """Grade responses against their ground truths (one each), in parallel; results in order."""
    responses, ground_truths = list(responses), list(ground_truths)
    if len(responses) != len(ground_truths):
        raise ValueError("%d responses for %d ground truths" % (len(responses), len(ground_truths)))
    responses = [r if isinstance(r, str) else "" for r in responses]
    remote = _remote_config()
    if remote:
        return _grade_remote(responses, ground_truths, remote)
    bundles = [parse_ground_truth(gt) for gt in ground_truths]
    limits = _limits()
    if len(responses) == 1:
        return [_grade_local(responses[0], bundles[0], limits)]
    with ThreadPoolExecutor(max_workers=min(_parallel(), len(responses))) as executor:
        return list(executor.map(lambda pair: _grade_local(pair[0], pair[1], limits), zip(responses, bundles)))


def compute_score(data_source=None, solution_str="", ground_truth=None, extra_info=None, **kwargs):
    """verl's custom reward function -> {"score", "passed", "cases_passed", "cases_total", "error"}."""
    result = grade(solution_str, ground_truth)
    return {"score": result["score"], "passed": result["passed"], "cases_passed": result["cases_passed"], "cases_total": result["cases_total"], "error": result["error"]}


def _completion_text(completion):
    """A TRL completion: a string, or chat messages (the last assistant message's text)."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, dict):
        completion = [completion]
    if isinstance(completion, (list, tuple)):
        messages = [m for m in completion if isinstance(m, dict)]
        chosen = next((m for m in reversed(messages) if m.get("role") == "assistant"), messages[-1] if messages else None)
        if chosen is None:
            return ""
        content = chosen.get("content", "")
        if isinstance(content, list):
            return "".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
        return content if isinstance(content, str) else ""
    return ""


def _trl(completions, ground_truth=None, **kwargs):
    if ground_truth is None and kwargs.get("reward_model") is not None:
        ground_truth = [rm.get("ground_truth") if isinstance(rm, dict) else None for rm in kwargs["reward_model"]]
    if ground_truth is None:
        raise TypeError("fieldwork_reward.reward_func needs the ground truth: a dataset column ground_truth (or reward_model with a ground_truth field)")
    results = grade_many([_completion_text(c) for c in completions], ground_truth)
    return [r["score"] for r in results]


def _response_of_query(query, prompt):
    return query[len(prompt):] if isinstance(prompt, str) and prompt and query.startswith(prompt) else query


def _openrlhf(queries, prompts, labels):
    prompts = list(prompts) if prompts is not None else [None] * len(queries)
    results = grade_many([_response_of_query(q, p) for q, p in zip(queries, prompts)], list(labels))
    scores = [r["score"] for r in results]
    logs = {
        "cases_passed": [float(r["cases_passed"]) for r in results],
        "cases_total": [float(r["cases_total"]) for r in results],
        "cases_fraction": [r["cases_passed"] / r["cases_total"] if r["cases_total"] else 0.0 for r in results],
    }
    try:
        import torch  # noqa: PLC0415 - only OpenRLHF's processes have it
    except ImportError:
        return {"rewards": scores, "scores": list(scores), "extra_logs": logs}
    as_tensor = lambda values: torch.tensor(values, dtype=torch.float32)  # noqa: E731
    return {"rewards": as_tensor(scores), "scores": as_tensor(scores), "extra_logs": {k: as_tensor(v) for k, v in logs.items()}}


def reward_func(*args, **kwargs):
    """TRL's reward function (keywords, with `completions`) or OpenRLHF's reward_func(queries, prompts, labels).
    See the module's docstring for how the two call shapes are told apart."""
    if "completions" in kwargs:
        return _trl(*args, **kwargs)
    if "queries" in kwargs or "labels" in kwargs:
        named = dict(zip(("queries", "prompts", "labels"), args))
        named.update({k: kwargs[k] for k in ("queries", "prompts", "labels") if k in kwargs})
        return _openrlhf(named.get("queries", []), named.get("prompts"), named.get("labels", []))
    if len(args) == 3:
        return _openrlhf(*args)
    if len(args) == 2:
        return _trl(args[0], args[1], **kwargs)
    raise TypeError("reward_func(completions=..., ground_truth=...) for TRL, or reward_func(queries, prompts, labels) for OpenRLHF")


# ---------------------------------------------------------------------------------------------------------
# The helper process (python3 fieldwork_reward.py --worker) and the child that runs one response
# (lib/sandbox/python/job.py and worker.py on the server: the same messages for the same failures)

RESULT_FD = 3
MAX_INT_DIGITS = 4000
_SHAPES = ({"ms", "output"}, {"error", "ms"}, {"fatal"})


class _OutputLimit(Exception):
    pass


_OutputLimit.__name__ = "OutputLimit"


class _BoundedOutput:
    def __init__(self, limit):
        self.limit = limit
        self.size = 0

    def write(self, text):
        self.size += len(text)
        if self.size > self.limit:
            raise _OutputLimit("printed more than %d bytes" % self.limit)
        return len(text)

    def flush(self):
        pass


def _describe_error(error):
    if isinstance(error, SystemExit):
        return "the code called exit()"
    if isinstance(error, MemoryError):
        return "memory limit exceeded"
    if isinstance(error, RecursionError):
        return "RecursionError: maximum recursion depth exceeded"
    text = str(error)
    return "%s: %s" % (type(error).__name__, text[:500]) if text else type(error).__name__


def _encode(value, depth=0):
    import numpy  # noqa: PLC0415 - imported by the helper already

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
        return {"re": _encode(value.real), "im": _encode(value.imag)}
    if isinstance(value, str):
        return value
    if isinstance(value, numpy.ndarray):
        items = value.tolist()  # a 0-d array gives its scalar
        return [_encode(v, depth + 1) for v in items] if isinstance(items, list) else _encode(items, depth + 1)
    if isinstance(value, (list, tuple)):
        return [_encode(v, depth + 1) for v in value]
    if value is None:
        return None
    for convert in (float, complex):  # sympy / mpmath numbers
        try:
            return _encode(convert(value), depth + 1)
        except Exception:  # noqa: BLE001
            pass
    return {"$repr": repr(value)[:200]}


def _decode(value):
    if isinstance(value, dict) and set(value) == {"re", "im"}:
        return complex(value["re"], value["im"])
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def _install_guard(workdir):
    """Refuse the obvious escapes with a readable message (the server's second line, here the first)."""
    workdir = os.path.realpath(workdir)
    allowed_read = tuple({os.path.realpath(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, os.path.dirname(os.__file__))} | {os.path.realpath(p) for p in sys.path if p and os.path.isdir(p)})
    denied_prefixes = ("socket.", "subprocess.", "os.exec", "os.spawn", "os.posix_spawn", "os.fork", "os.forkpty", "ctypes.", "pty.", "os.kill", "os.killpg", "signal.pthread_kill", "resource.setrlimit", "sys.addaudithook", "shutil.", "os.chdir")
    denied = {"os.system", "os.startfile", "os.putenv", "os.unsetenv", "socket.__new__", "_posixsubprocess.fork_exec", "os.remove", "os.rename", "os.rmdir", "os.mkdir", "os.symlink", "os.link", "os.truncate", "os.chmod", "os.chown"}

    def guard(event, args):
        if event in denied or event.startswith(denied_prefixes):
            raise PermissionError("not allowed in the sandbox: %s" % event)
        if event == "open":
            path, mode = args[0], args[1]
            if isinstance(path, int):
                return
            real = os.path.realpath(os.fsdecode(path))
            writing = isinstance(mode, str) and any(c in mode for c in "wax+")
            if real == workdir or real.startswith(workdir + os.sep):
                return
            if writing or not real.startswith(allowed_read):
                raise PermissionError("not allowed in the sandbox: opening %s" % os.fsdecode(path))

    sys.addaudithook(guard)


def _apply_limits(limits):
    import resource  # noqa: PLC0415 - POSIX only, and only in the child

    def limit(which, value):
        try:
            resource.setrlimit(which, (value, value))
        except (ValueError, OSError):
            pass

    cpu = max(1, math.ceil(limits["cpuMs"] / 1000))
    try:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    except (ValueError, OSError):
        pass
    try:
        with open("/proc/self/status") as status:
            vm = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
        limit(resource.RLIMIT_AS, vm + limits["memoryMb"] * 1024 * 1024)
    except (OSError, StopIteration):
        pass
    limit(resource.RLIMIT_FSIZE, 8 * 1024 * 1024)
    limit(resource.RLIMIT_CORE, 0)
    limit(resource.RLIMIT_NOFILE, 256)
    if hasattr(resource, "RLIMIT_NPROC"):
        limit(resource.RLIMIT_NPROC, 0)


def _child(job, fd, nonce, workdir):
    os.setsid()
    devnull = os.open(os.devnull, os.O_RDWR)
    for target in (0, 1, 2):
        os.dup2(devnull, target)
    if fd != RESULT_FD:
        os.dup2(fd, RESULT_FD)
    os.closerange(RESULT_FD + 1, 1 << 16)

    def send(obj):
        data = (json.dumps(dict(obj, n=nonce), allow_nan=False) + "\n").encode()
        while data:
            data = data[os.write(RESULT_FD, data):]

    os.chdir(workdir)
    os.environ.update(HOME=workdir, TMPDIR=workdir)
    limits = job["limits"]
    _apply_limits(limits)
    sys.stdout = sys.stderr = _BoundedOutput(limits["outputBytes"])
    sys.stdin = None
    namespace = {"__name__": "__sandbox__", "__builtins__": __builtins__}
    _install_guard(workdir)
    try:
        exec(compile(job["code"], "<reference>", "exec"), namespace)  # noqa: S102 - running it is the point
    except SyntaxError as error:
        send({"fatal": "SyntaxError at line %s: %s" % (error.lineno, error.msg)})
        return
    except BaseException as error:  # noqa: BLE001
        send({"fatal": _describe_error(error)})
        return
    function = namespace.get(job["function"])
    if not callable(function):
        send({"fatal": "the code does not define a function named %s" % job["function"]})
        return
    for args in job["calls"]:
        start = time.perf_counter()
        try:
            output = _encode(function(**{k: _decode(v) for k, v in args.items()}))
            line = json.dumps({"output": output}, allow_nan=False)
            if len(line) > limits["outputBytes"]:
                raise _OutputLimit("returned more than %d bytes" % limits["outputBytes"])
            send({"output": output, "ms": (time.perf_counter() - start) * 1000})
        except BaseException as error:  # noqa: BLE001
            send({"error": _describe_error(error), "ms": (time.perf_counter() - start) * 1000})


def _collect(read_fd, pid, deadline, max_bytes):
    """The child's output until it exits and closes the pipe, or the wall limit, or too much output."""
    chunks, size = [], 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return b"".join(chunks), "time limit"
        ready, _, _ = select.select([read_fd], [], [], remaining)
        if not ready:
            continue
        data = os.read(read_fd, 65536)
        if not data:
            return b"".join(chunks), None
        size += len(data)
        if size > max_bytes:
            return b"".join(chunks), "output limit"
        chunks.append(data)


def _assemble(calls, nonce, output, reason):
    """The job's answer from its result lines, as lib/sandbox/answer.ts assembles it."""
    text = output.decode("utf-8", "replace")
    complete = text[: text.rfind("\n") + 1]
    lines = []
    for raw in complete.split("\n"):
        if not raw.strip():
            continue
        try:
            message = json.loads(raw)
        except ValueError:
            return {"error": REFUSED, "results": []}
        if not isinstance(message, dict) or message.pop("n", None) != nonce or set(message) not in _SHAPES:
            return {"error": REFUSED, "results": []}
        lines.append(message)
    if lines and "fatal" in lines[0]:
        return {"error": lines[0]["fatal"], "results": []} if len(lines) == 1 else {"error": REFUSED, "results": []}
    if any("fatal" in line for line in lines[1:]) or len(lines) > calls:
        return {"error": REFUSED, "results": []}
    missing = [{"error": reason or "the code ended the process", "ms": None}] * (calls - len(lines))
    return {"error": reason, "results": lines + missing}


def _run_job(job):
    limits = job["limits"]
    nonce = os.urandom(12).hex()
    workdir = tempfile.mkdtemp(prefix="fieldwork-reward-")
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read_fd)
            _child(job, write_fd, nonce, workdir)
        finally:
            os._exit(0)
    os.close(write_fd)
    calls = len(job["calls"])
    output, limit = _collect(read_fd, pid, time.monotonic() + limits["wallMs"] / 1000, limits["outputBytes"] * (calls + 1) + 4096)
    os.close(read_fd)
    status = _exit_status(pid, 1.0) if limit is None else None  # it closed its pipe: it is exiting
    try:
        os.killpg(pid, signal.SIGKILL)  # the job's whole process group, whether or not it ended by itself
    except OSError:
        pass
    if status is None:
        _, status = os.waitpid(pid, 0)
    shutil.rmtree(workdir, ignore_errors=True)
    reason = {"time limit": "time limit exceeded (%d ms)" % limits["wallMs"], "output limit": "output limit exceeded"}.get(limit)
    if reason is None and os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        reason = "CPU time limit exceeded" if sig in (signal.SIGXCPU, signal.SIGKILL) else "killed by signal %s" % signal.Signals(sig).name
    return _assemble(calls, nonce, output, reason)


def _exit_status(pid, within):
    """The child's exit status once it has exited (within `within` seconds), else None."""
    end = time.monotonic() + within
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        if time.monotonic() > end:
            return None
        time.sleep(0.0002)


def _worker_main():
    """Serve jobs on stdin (a length line, then that many bytes of JSON) until it closes."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    import numpy  # noqa: F401, PLC0415 - warm: every child inherits it

    for optional in ("scipy", "scipy.special", "scipy.integrate", "scipy.optimize", "sympy", "mpmath"):
        try:
            __import__(optional)
        except Exception:  # noqa: BLE001 - the graded code may not need them
            pass
    try:
        import gc  # noqa: PLC0415

        gc.freeze()
    except AttributeError:
        pass
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    stdout.write(b'{"ready": true}\n')
    stdout.flush()
    while True:
        header = stdin.readline()
        if not header:
            return
        job = json.loads(stdin.read(int(header)))
        try:
            answer = _run_job(job)
        except Exception as error:  # noqa: BLE001 - a helper bug must not stop the training run
            answer = {"error": "fieldwork_reward helper error: %s" % error, "results": []}
        stdout.write(json.dumps(answer, allow_nan=False).encode() + b"\n")
        stdout.flush()


def _main(argv):
    if argv[:1] == ["--worker"]:
        _worker_main()
        return 0
    import argparse  # noqa: PLC0415

    parser = argparse.ArgumentParser(description="Grade a model response against a Fieldwork ground truth.")
    parser.add_argument("--ground-truth", required=True, help="a JSON file with the ground truth")
    parser.add_argument("--response", help="a file with the response (default: stdin)")
    options = parser.parse_args(argv)
    with open(options.ground_truth, encoding="utf-8") as f:
        ground_truth = f.read()
    if options.response:
        with open(options.response, encoding="utf-8") as f:
            response = f.read()
    else:
        response = sys.stdin.read()
    result = grade(response, ground_truth)
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
