"""Test helper: call the reward module's entry points as verl, TRL and OpenRLHF call them.

argv: path to fieldwork_reward.py; stdin: {"groundTruth": "...", "correct": "...", "wrong": "...", "prompt": "..."}
stdout: JSON of what each call returned (or raised).
"""
import importlib.util
import json
import sys

spec = importlib.util.spec_from_file_location("fieldwork_reward", sys.argv[1])
fr = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fr)
data = json.load(sys.stdin)
gt, good, bad, prompt = data["groundTruth"], data["correct"], data["wrong"], data["prompt"]


def outcome(call):
    try:
        return {"value": call()}
    except Exception as error:  # noqa: BLE001
        return {"raised": type(error).__name__, "message": str(error)}


out = {
    "verl_correct": outcome(lambda: fr.compute_score(data_source="fieldwork", solution_str=good, ground_truth=gt, extra_info={"index": 0})),
    "verl_wrong": outcome(lambda: fr.compute_score("fieldwork", bad, gt)),
    "trl_strings": outcome(lambda: fr.reward_func(prompts=[prompt, prompt], completions=[good, bad], completion_ids=[[1], [2]], ground_truth=[gt, gt], split=["train", "train"])),
    "trl_messages": outcome(lambda: fr.reward_func(
        prompts=[[{"role": "user", "content": prompt}]] * 2,
        completions=[[{"role": "assistant", "content": good}], [{"role": "assistant", "content": [{"type": "text", "text": bad}]}]],
        reward_model=[{"style": "rule", "ground_truth": gt}] * 2,
    )),
    "trl_positional": outcome(lambda: fr.reward_func([good, "no code"], [gt, json.loads(gt)])),
    "trl_without_ground_truth": outcome(lambda: fr.reward_func(prompts=[prompt], completions=[good])),
    "openrlhf_positional": outcome(lambda: fr.reward_func([prompt + good, prompt + bad, prompt + "I give up."], [prompt] * 3, [gt] * 3)),
    "openrlhf_keywords": outcome(lambda: fr.reward_func(queries=[prompt + good], prompts=[prompt], labels=[{"style": "rule", "ground_truth": gt}])),
    "bad_ground_truth": outcome(lambda: fr.compute_score("fieldwork", good, '{"function_name": "energy"}')),
    "no_arguments": outcome(lambda: fr.reward_func()),
    "grade": outcome(lambda: fr.grade(bad, gt)),
}
json.dump(out, sys.stdout)
