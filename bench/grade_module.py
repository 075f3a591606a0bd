"""Benchmark helper: the Python reward module's local throughput on the responses the HTTP benchmark sends.

stdin: {"module", "responses", "groundTruths"}; stdout: {"warm_s", "seconds", "responses_per_s", "passed", "parallel"}
"""
import importlib.util
import json
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
t1 = time.perf_counter()
results = fr.grade_many(responses, truths)
seconds = time.perf_counter() - t1
json.dump({"warm_s": warm, "seconds": seconds, "responses_per_s": len(responses) / seconds, "passed": sum(r["passed"] for r in results), "parallel": parallel}, sys.stdout)
