# Escape 3 of issue 11: code connected to PostgreSQL and to the app. The test gives the port of its
# PostgreSQL and of a listener it opens (and checks that nothing connected); every kind of socket is refused.
# Expect: output ^"refused"$
import socket


def f(ctx):
    unhook()
    for port in (ctx["pgPort"], ctx["listenerPort"]):
        attempt(f"tcp 127.0.0.1:{port}", lambda p=port: socket.create_connection(("127.0.0.1", p), timeout=1))
        attempt(f"tcp6 [::1]:{port}", lambda p=port: socket.create_connection(("::1", p), timeout=1))
    attempt("udp", lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM))
    attempt("unix", lambda: socket.socket(socket.AF_UNIX, socket.SOCK_STREAM))
    attempt("unix abstract", lambda: socket.socket(socket.AF_UNIX).connect("\0fieldwork"))
    attempt("netlink", lambda: socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0))
    attempt("socketpair", socket.socketpair)
    attempt("postgres unix socket", lambda: socket.socket(socket.AF_UNIX).connect("/tmp/.s.PGSQL.%d" % ctx["pgPort"]))
    syscall("raw socket()", 41, 2, 1, 0)
    syscall("raw socketpair()", 53, 1, 1, 0, ctypes.addressof(ctypes.create_string_buffer(8)))
    return verdict()
