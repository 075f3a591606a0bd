# The worker's start-up check, run as a confined job (after everything confine.py does, without the audit
# hook): what the sandbox promises a job cannot do, tried by access. Any finding keeps the worker from serving.
import os


def run(config, cwd):
    """Checked by access, once per worker start: what a job must never be able to do. Returns the failures."""
    import socket

    problems = []
    canary = config.get("canary")
    if canary:
        try:
            open(canary, "rb").close()
            problems.append(f"a job can read the root-only file {canary}: the job has root's file access")
        except PermissionError:
            pass
        except OSError as error:
            problems.append(f"the root-only canary {canary} is missing in the sandbox ({error.strerror})")
    for private in config.get("private", []):
        problems += reachable(private, config["mode"])
    if os.getuid() == 0 or os.geteuid() == 0:
        problems.append("a job runs as uid 0")
    if os.listdir(cwd):
        problems.append(f"the job's {cwd} is not empty")
    try:
        if os.fork() == 0:
            os._exit(0)
        problems.append("a job can create a process")
    except PermissionError:
        pass
    try:
        socket.socket().close()
        problems.append("a job can open a socket")
    except PermissionError:
        pass
    return problems


def reachable(private, mode):
    """With bubblewrap nothing of the data dir and no project file exists for a job (at most the empty
    directories leading to an interpreter bound inside); without, none of the data dir's files can be read."""
    if mode == "bwrap":
        if os.path.lexists(private) and not os.path.isdir(private):
            return [f"a job can see {private}"]
        found = []
        for root, dirs, files in os.walk(private):
            found += [f"a job can see {os.path.join(root, name)}" for name in files[:5]]
            del dirs[20:]
        return found[:5]
    found = []
    for root, dirs, files in os.walk(private):
        for name in files[:200]:
            if os.access(os.path.join(root, name), os.R_OK):
                found.append(f"a job can read {os.path.join(root, name)}")
        if os.access(root, os.W_OK):
            found.append(f"a job can write to {root}")
        del dirs[20:]
    return found[:5]
