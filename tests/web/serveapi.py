# SPDX-License-Identifier: GPL-3.0-or-later
"""What serve_kill.py and serve_load.py share: a request to styr serve's
JSON interface as a phone sends it, on a plain socket, to this machine
only; and the pieces of its answers and addresses they read.  It imports
only socket, to start fast (the scripts run under python3 -S)."""

import socket


def request(host, method, path, token, body=None, connect=5, timeout=10):
    """Sends METHOD PATH with TOKEN as bearer and BODY (JSON text, or
    none) to HOST ("127.0.0.1:PORT") on a connection of its own, and
    returns the status code and the body of the answer.  Raises OSError
    when the connection fails or closes without an answer (in CONNECT
    and TIMEOUT seconds), ValueError for a HOST not on this machine."""
    h, _, port = host.rpartition(":")
    if not h.startswith("127."):
        raise ValueError("only this machine is asked, not %s" % host)
    data = body.encode() if body is not None else b""
    req = ("%s %s HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\n"
           "Content-Length: %d\r\nConnection: close\r\n\r\n"
           % (method, path, host, token, len(data))).encode() + data
    s = socket.create_connection((h, int(port)), connect)
    s.settimeout(timeout)
    try:
        s.sendall(req)
        got = b""
        while True:
            c = s.recv(65536)
            if not c:
                break
            got += c
    finally:
        s.close()
    if not got.startswith(b"HTTP/1.1 "):
        raise OSError("no answer")
    return int(got[9:12]), got.partition(b"\r\n\r\n")[2].decode()


def hostport(url):
    """"127.0.0.1:PORT" of an address the server printed."""
    return url.split("/")[2]


def token(url):
    """The token (key=) of an address the server printed."""
    return url.split("key=")[1]


def ballot(body):
    """The ballot of the answer to POST /api/join."""
    return body.split('"ballot": "')[1].split('"')[0]
