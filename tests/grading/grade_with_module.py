"""Test helper: grade with the Python reward module the way a training script would.

stdin: {"module": path to fieldwork_reward.py, "responses": [...], "groundTruths": [...]}
stdout: {"results": [grade(...) result, ...]}   (limits from FIELDWORK_* in the environment)
"""
import importlib.util
import json
import sys

request = json.load(sys.stdin)
spec = importlib.util.spec_from_file_location("fieldwork_reward", request["module"])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
results = module.grade_many(request["responses"], request["groundTruths"])
json.dump({"results": results}, sys.stdout)
