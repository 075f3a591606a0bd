# Escape 4 of issue 11: /tmp was per worker, so one annotator's job read a file another's wrote. Round 1
# writes into /tmp, its working directory and HOME; round 2, the next job on the same worker, finds none.
# Expect round 1: output ^"wrote"$
# Expect round 2: output ^"clean"$


def f(ctx):
    unhook()
    places = ["/tmp/left-behind", os.path.join(os.getcwd(), "left-behind-cwd"), os.path.join(os.environ.get("HOME", "/tmp"), "left-behind-home")]
    if ctx["round"] == 1:
        for place in places:
            with open(place, "w") as out:
                out.write("secret of round 1")
        return "wrote"
    found = [p for p in places if os.path.exists(p)] + [f"/tmp/{n}" for n in os.listdir("/tmp")]
    return "clean" if not found else f"found {found}"
