# Escape 2 of issue 11: inside bubblewrap the job had root's file access. Judged by access: a 0600
# root-owned file the test binds into the sandbox at /canary/root must give "Permission denied" (and the
# same file at its host path does not exist in the sandbox).
# Expect: output ^"refused"$


def f(ctx):
    unhook()
    attempt("the canary at its host path", lambda: open(ctx["rootCanary"]).read())
    bound = ctx.get("boundCanary")
    if bound:
        try:
            open(bound).read()
            GOT_THROUGH.append(f"read the root-only file bound at {bound}")
        except PermissionError:
            pass
        except OSError as error:
            GOT_THROUGH.append(f"the bound canary should exist and be refused, not: {error}")
    return verdict()
