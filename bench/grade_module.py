"""Benchmark helper: the Python reward module's local throughput on the responses the HTTP benchmark sends.

stdin: {"module", "responses", "groundTruths"}; stdout: {"warm_s", "seconds", "responses_per_s", "passed", "parallel", "cpu_ms_per_response"}
"""
import importlib.util
import json
import os
import sys
import time

request = json.load(sys.stdin)
spec = importlib.util.spec_from_file_location("fieldwork_reward", request["module"])
fr = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fr)
responses, truths = request["responses"], request["groundTruths"]
parallel = fr._parallel()
t0 = time.perf_counter()
fr.grade_many(responses[:parallel * 2], truths[:parallel * 2])  # starts the helpers (numpy, scipy, sympy imported once each)
warm = time.perf_counter() - t0


def helpers_cpu_s():
    """CPU of this process and the helpers, with the children they reaped (one per response)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = sum(os.times()[:2])
    for helper in fr._pool().idle:
        with open("/proc/%d/stat" % helper.proc.pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        total += sum(int(x) for x in fields[11:15]) / tick  # utime, stime, cutime, cstime
    return total


cpu0 = helpers_cpu_s()
t1 = time.perf_counter()
results = fr.grade_many(responses, truths)
seconds = time.perf_counter() - t1
cpu = helpers_cpu_s() - cpu0
json.dump({"warm_s": warm, "seconds": seconds, "responses_per_s": len(responses) / seconds, "passed": sum(r["passed"] for r in results), "parallel": parallel, "cpu_ms_per_response": cpu * 1000 / len(responses)}, sys.stdout)
