# Escape 1 of issue 11, as observed: rewrite the audit hook's allow-list in the worker's module, clear
# the hook's closure cells, then read root-only and host files. The boundary is the file system view.
# Expect: output ^"refused"$


def f(ctx):
    sys.modules["__main__"].ALLOWED_READ = ("/",)
    unhook()
    for path in ("/etc/shadow", "/etc/passwd", "/root/.bash_history", "/etc/hostname", os.path.join(ctx["projectDir"], "package.json")):
        attempt(path, lambda p=path: open(p).read()[:40])
    extra = set(os.listdir("/etc")) - {"alternatives", "ld.so.cache"}  # all of /etc a job sees: BLAS links, loader cache
    if extra:
        GOT_THROUGH.append(f"/etc holds {sorted(extra)}")
    attempt("list the project folder", lambda: os.listdir(ctx["projectDir"]))
    return verdict()
