#!/usr/bin/python3 -S
# SPDX-License-Identifier: GPL-3.0-or-later
"""Broken HTTP for styr serve (tests/t1030-serve-fuzz.sh): COUNT requests,
each malformed in one of many ways (random bytes, broken request lines,
header lines without end, bad and lying lengths, broken chunks, huge
headers, NUL and bad escapes in the address, hostile JSON with a real
token), sent to this machine only (from addresses in 127.0.0.0/8), one connection
each.  After every
CHECK requests, and at the end, a well-formed request must be answered.

    http_fuzz.py HOST:PORT COUNT SEED PARTICIPANT_TOKEN FACILITATOR_TOKEN

Prints how many were sent, how many the server answered, how many it
closed without an answer, and the status codes seen; exit 0 when the
server answered every check, 1 when not.  Bounded: COUNT requests and at
most 2 s for each."""

import random
import socket
import sys
import time

CHECK = 500


def send(addr, data, half_close=True, timeout=2.0, source=None):
    """Sends DATA on a new connection (from the address SOURCE on this
    machine, else the default); the status code answered, 0 when the
    connection closed without an answer, -1 when it could not be made."""
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        if source:
            s.bind((source, 0))
        s.settimeout(2)
        s.connect(addr)
    except OSError:
        s.close()
        return -1
    s.settimeout(timeout)
    got = b""
    try:
        s.sendall(data)
        if half_close:
            s.shutdown(socket.SHUT_WR)
        while len(got) < 65536:
            c = s.recv(65536)
            if not c:
                break
            got += c
    except OSError:
        pass
    finally:
        s.close()
    if got.startswith(b"HTTP/1.") and len(got) >= 12:
        try:
            return int(got[9:12])
        except ValueError:
            return 0
    return 0


def alive(addr, host, token):
    req = ("GET /api/round HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s"
           "\r\nConnection: close\r\n\r\n" % (host, token)).encode()
    return send(addr, req, half_close=False) in (200, 404)


def junk(r, n):
    return bytes(r.getrandbits(8) for _ in range(n))


def json_body(r):
    pick = r.randrange(14)
    if pick == 0:
        return b"[" * r.randrange(1, 5000)
    if pick == 1:
        return b'{"item": "' + b"\\u" + junk(r, 4) + b'"}'
    if pick == 2:
        return b'{"item": "\\ud800", "priority": "remove"}'
    if pick == 3:
        return b'{"name": "' + junk(r, r.randrange(1, 200)) + b'"}'
    if pick == 4:
        return b'{"item": "R1", "priority": "remove"' + b" " * r.randrange(0, 10)
    if pick == 5:
        return b'{"item": "R1",,}'
    if pick == 6:
        return b'{"' + b"a" * 15000 + b'": 1}'
    if pick == 7:
        return b'{"item": "R1\\u0000", "priority": "remove"}'
    if pick == 8:
        return b'{"votes": "99999999999999999999", "minutes": "-1", "items": "R1,R1"}'
    if pick == 9:
        return b'{"count": "1e308", "item": "R1", "priority": "remove"}'
    if pick == 10:
        return b'{"name": "\xff\xfe\xfd"}'
    if pick == 11:
        return b"{" + b'"x": "y",' * r.randrange(1, 1500) + b'"z": 1}'
    if pick == 12:
        return b'{"item": 12345678901234567890, "priority": true}'
    return junk(r, r.randrange(0, 300))


def broken(r, host, ptok, ftok):
    """One malformed request."""
    paths = [b"/api/vote", b"/api/join", b"/api/round", b"/api/round/open",
             b"/api/paper", b"/vote", b"/status", b"/qr.svg", b"/"]
    path = r.choice(paths)
    tok = r.choice([ptok, ftok, "x" * 32, "", "0" * 31]).encode()
    h = host.encode()
    kind = r.randrange(24)
    if kind == 0:
        return junk(r, r.randrange(1, 2000))
    if kind == 1:
        return b"GET " + junk(r, 50) + b" HTTP/1.1\r\nHost: " + h + b"\r\n\r\n"
    if kind == 2:
        return r.choice([b"GET", b"POST", b"BREW", b"get", b"G\x00T", b""]) + \
            b" " + path + b" " + r.choice([b"HTTP/1.1", b"HTTP/9.9", b"HTTP/1",
                                           b"HTTX/1.1", b"", b"HTTP/1.1 x"]) + \
            b"\r\nHost: " + h + b"\r\n\r\n"
    if kind == 3:
        return b"GET " + path + b" HTTP/1.1\r\nHost: " + h + b"\r\n" + \
            b"X: " + b"a" * r.randrange(60000, 200000) + b"\r\n\r\n"
    if kind == 4:
        return b"GET " + path + b" HTTP/1.1\r\nHost: " + h + b"\r\n" + \
            b"".join(b"X-%d: y\r\n" % i for i in range(r.randrange(100, 3000))) + b"\r\n"
    if kind == 5:
        return b"POST " + path + b" HTTP/1.1\r\nHost: " + h + \
            b"\r\nAuthorization: Bearer " + tok + b"\r\nContent-Length: " + \
            r.choice([b"-1", b"abc", b"99999999999999999999999", b"10, 20",
                      b"", b"0x10", b" 5", b"18446744073709551616"]) + b"\r\n\r\n{}"
    if kind == 6:
        return b"POST " + path + b" HTTP/1.1\r\nHost: " + h + \
            b"\r\nAuthorization: Bearer " + tok + \
            b"\r\nContent-Length: 5\r\nContent-Length: 500\r\n\r\n{}"
    if kind == 7:
        return b"POST " + path + b" HTTP/1.1\r\nHost: " + h + \
            b"\r\nAuthorization: Bearer " + tok + \
            b"\r\nTransfer-Encoding: chunked\r\n\r\n" + \
            r.choice([b"zz\r\nabc\r\n0\r\n\r\n", b"5\r\nab", b"ffffffffffffffff\r\nx\r\n",
                      b"-1\r\n\r\n", b"3;" + b"e" * 5000 + b"\r\nabc\r\n0\r\n\r\n",
                      b"4000\r\n" + b"a" * 16384 + b"\r\n4000\r\n" + b"a" * 16384 + b"\r\n0\r\n\r\n"])
    if kind == 8:
        return b"POST " + path + b" HTTP/1.1\r\nHost: " + h + \
            b"\r\nAuthorization: Bearer " + tok + \
            b"\r\nContent-Length: 100\r\n\r\n{\"item\""
    if kind == 9:
        return b"GET " + path + b" HTTP/1.1\r\nHost: " + h
    if kind == 10:
        return b"GET " + path + b"?key=" + tok + b"%" + r.choice([b"", b"z", b"0", b"00", b"zz"]) + \
            b"&lang=%00&key=" + junk(r, 10).replace(b"\r", b"").replace(b"\n", b"") + \
            b" HTTP/1.1\r\nHost: " + h + b"\r\n\r\n"
    if kind == 11:
        return b"GET /%00" + path + b"/../../etc/passwd HTTP/1.1\r\nHost: " + h + b"\r\n\r\n"
    if kind == 12:
        return b"GET " + path + b" HTTP/1.1\nHost: " + h + b"\nCookie: " + \
            r.choice([b"styr_p=", b"styr_f=" + tok + b"; styr_f=x", b";;;=;", b"styr_lang=\xff"]) + b"\n\n"
    if kind == 13:
        return b"GET " + path + b" HTTP/1.1\r\nHost: " + h + \
            b"\r\nAuthorization: " + r.choice([b"Bearer", b"Bearer ", b"Basic abc", b"Bearer " + tok + b" x",
                                               b"bearer " + tok, junk(r, 40).replace(b"\r", b"").replace(b"\n", b"")]) + b"\r\n\r\n"
    if kind == 14:
        return b"GET " + path + b" HTTP/1.1\r\nHost: " + r.choice(
            [b"", b"[", b"[::1", b"127.0.0.1:", b"a" * 5000, b"127.0.0.1:99999", h + b"\x00"]) + b"\r\n\r\n"
    if kind == 15:
        return b"GET " + path + b" HTTP/1.1\r\n" + b" folded\r\n" + b"Host: " + h + b"\r\n\r\n"
    if kind == 16:
        return b"GET " + b"/" * r.randrange(1000, 70000) + b" HTTP/1.1\r\nHost: " + h + b"\r\n\r\n"
    if kind == 17:
        return b"GET " + path + b" HTTP/1.0\r\n\r\n"
    if kind == 18:
        return b"OPTIONS * HTTP/1.1\r\nHost: " + h + b"\r\n\r\n"
    if kind == 19:
        return (b"GET " + path + b" HTTP/1.1\r\nHost: " + h + b"\r\n\r\n") * r.randrange(2, 20) + junk(r, 30)
    # Hostile JSON with a real token, from this server's own origin.
    body = json_body(r)
    path = r.choice([b"/api/vote", b"/api/join", b"/api/round/open", b"/api/paper"])
    return b"POST " + path + b" HTTP/1.1\r\nHost: " + h + b"\r\nOrigin: http://" + h + \
        b"\r\nAuthorization: Bearer " + r.choice([ptok, ftok]).encode() + \
        b"\r\nContent-Type: application/json\r\nContent-Length: " + \
        str(len(body)).encode() + b"\r\n\r\n" + body


def main(argv):
    host, count, seed, ptok, ftok = argv[0], int(argv[1]), int(argv[2]), argv[3], argv[4]
    h, _, port = host.rpartition(":")
    if not h.startswith("127.") and h != "localhost":
        print("http_fuzz.py: only this machine is asked")
        return 2
    addr = (h, int(port))
    r = random.Random(seed)
    codes, answered, closed, start = {}, 0, 0, time.time()
    for i in range(1, count + 1):
        # The server locks out an address that sends ten wrong tokens:
        # the broken requests come from addresses of their own in
        # 127.0.0.0/8 (this machine), four each; the checks from the
        # default one, which never sends a wrong token.
        src = "127.%d.%d.%d" % (1 + (i // 4) // 65536 % 254,
                                (i // 4) // 256 % 256, 1 + (i // 4) % 254)
        c = send(addr, broken(r, host, ptok, ftok), source=src)
        if c < 0:
            print("http_fuzz.py: request %d: no connection: the server is gone" % i)
            return 1
        if c:
            answered += 1
            codes[c] = codes.get(c, 0) + 1
        else:
            closed += 1
        if i % CHECK == 0 and not alive(addr, host, ptok):
            print("http_fuzz.py: after request %d the server does not answer" % i)
            return 1
    if not alive(addr, host, ptok):
        print("http_fuzz.py: at the end the server does not answer")
        return 1
    print("%d broken requests sent in %.1f s: %d answered, %d closed without an answer"
          % (count, time.time() - start, answered, closed))
    print("codes: " + " ".join("%d:%d" % kv for kv in sorted(codes.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
