#!/usr/bin/python3 -S
# SPDX-License-Identifier: GPL-3.0-or-later
"""A small HTTP/1.1 client for styr serve's tests, on a plain socket (so
that any Host, Origin or Cookie is sent as it is, a refusal before the
body is seen, and nothing but this machine is ever asked).  It imports
only socket and sys, to start fast: the tests make a few hundred calls.

    httpc.py METHOD URL [-H 'Name: value']... [-d BODY | --size N]
             [--bearer TOKEN] [--cookie 'a=b']

prints the status code on the first line, then each response header as
"Name: value", an empty line and the body.  Host is the URL's unless a
-H gives one.  Exit 0 whenever an answer came, 3 when the connection
failed (refused, reset before any answer), 2 on a bad call."""

import socket
import sys


def main(argv):
    method, url = argv[0], argv[1]
    headers, body, i = [], None, 2
    while i < len(argv):
        a = argv[i]
        if a == "-H":
            k, v = argv[i + 1].split(":", 1)
            headers.append((k.strip(), v.strip()))
        elif a == "-d":
            body = argv[i + 1].encode("utf-8")
        elif a == "--size":
            body = b"{" + b" " * (int(argv[i + 1]) - 2) + b"}"
        elif a == "--bearer":
            headers.append(("Authorization", "Bearer " + argv[i + 1]))
        elif a == "--cookie":
            headers.append(("Cookie", argv[i + 1]))
        else:
            sys.stderr.write("httpc.py: unknown argument %s\n" % a)
            return 2
        i += 2
    if not url.startswith("http://"):
        return 2
    hostport, _, path = url[7:].partition("/")
    path = "/" + path
    host, _, port = hostport.rpartition(":")
    if host != "localhost" and not host.startswith("127."):
        sys.stderr.write("httpc.py: only this machine is asked\n")
        return 2
    if not any(k.lower() == "host" for k, _ in headers):
        headers.insert(0, ("Host", hostport))
    if body is not None:
        headers.append(("Content-Length", str(len(body))))
    headers.append(("Connection", "close"))
    head = "%s %s HTTP/1.1\r\n%s\r\n\r\n" % (
        method, path, "\r\n".join("%s: %s" % h for h in headers))
    data = b""
    try:
        s = socket.create_connection((host, int(port)), 20)
        s.sendall(head.encode("utf-8"))
        if body:
            # A refusal may come before the body is read (413): look
            # for it first, for a large body.
            early = False
            if len(body) > 65536:
                s.settimeout(1)
                try:
                    data = s.recv(65536)
                    early = True
                except socket.timeout:
                    pass
                s.settimeout(20)
            if not early:
                try:
                    s.sendall(body)
                except OSError:
                    pass
        while True:
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            data += chunk
        s.close()
    except OSError as e:
        sys.stderr.write("httpc.py: %s\n" % e)
        return 3
    if not data:
        sys.stderr.write("httpc.py: no answer\n")
        return 3
    top, _, rest = data.partition(b"\r\n\r\n")
    lines = top.decode("utf-8", "replace").split("\r\n")
    out = [lines[0].split(" ")[1]] + lines[1:] + [""]
    hdrs = dict((l.split(":", 1)[0].lower(), l.split(":", 1)[1].strip())
                for l in lines[1:] if ":" in l)
    if hdrs.get("transfer-encoding", "").lower() == "chunked":
        plain = b""
        while rest:
            size, _, rest = rest.partition(b"\r\n")
            n = int(size.split(b";")[0] or b"0", 16)
            if n == 0:
                break
            plain += rest[:n]
            rest = rest[n + 2:]
        rest = plain
    try:
        sys.stdout.write("\n".join(out) + "\n")
        sys.stdout.write(rest.decode("utf-8", "replace"))
        sys.stdout.flush()
    except BrokenPipeError:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
