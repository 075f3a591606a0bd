# The project's data dir (PostgreSQL password, NEXTAUTH_SECRET in secrets.json) is not reachable, whatever
# the job does: the test puts a 0600 canary and a world-readable file in it; neither exists in the sandbox.
# Expect: output ^"refused"$


def f(ctx):
    sys.modules["__main__"].ALLOWED_READ = ("/",)
    unhook()
    attempt("the 0600 canary", lambda: open(ctx["dataCanary"]).read())
    attempt("the world-readable file", lambda: open(ctx["dataPublic"]).read())
    attempt("list the data dir", lambda: os.listdir(ctx["dataDir"]))
    attempt("stat the data dir", lambda: os.stat(ctx["dataDir"]).st_mode)
    attempt("write into the data dir", lambda: open(os.path.join(ctx["dataDir"], "planted"), "w").write("x"))
    return verdict()
