#!/usr/bin/python3 -S
# SPDX-License-Identifier: GPL-3.0-or-later
"""Many participants at once (tests/t1050-serve-load.sh): VOTERS threads,
each joins the round as P<n> through the JSON interface and, once all
have joined, votes on PER items of its own choosing (D1..D<ITEMS>), one vote at a time, as a
phone would.  Only this machine is asked.

    serve_load.py HOST:PORT PARTICIPANT_TOKEN VOTERS PER ITEMS

Prints "P3 D17 remove" for every vote answered 200 (on stdout) and the
figures on stderr: votes answered, refused, failed, the time in all, the
votes per second and the latency of an answered vote (p50, p99, max)."""

import random
import sys
import threading
import time

import serveapi as api


def main(argv):
    host, ptok = argv[0], argv[1]
    voters, per, items = int(argv[2]), int(argv[3]), int(argv[4])
    if not host.rpartition(":")[0].startswith("127."):
        return 2
    ok, lat, refused, failed = [], [], [0], [0]
    lock = threading.Lock()
    pri = ["remove", "change", "anchor"]

    def phone(n):
        rr = random.Random(n)
        who = "P%d" % n
        try:
            code, body = api.request(host, "POST", "/api/join", ptok,
                                     '{"name": "%s"}' % who, connect=10, timeout=60)
        except OSError:
            with lock:
                failed[0] += 1
            joined.abort()
            return
        if code != 200:
            with lock:
                refused[0] += 1
            joined.abort()
            return
        ballot = api.ballot(body)
        # Everybody has joined before anybody votes: the latency is
        # that of votes, not of votes queued behind joins.
        try:
            joined.wait(120)
        except threading.BrokenBarrierError:
            pass
        for item in rr.sample(range(1, items + 1), per):
            p = rr.choice(pri)
            t = time.time()
            try:
                code, _ = api.request(host, "POST", "/api/vote", ballot,
                                      '{"item": "D%d", "priority": "%s"}' % (item, p),
                                      connect=10, timeout=60)
            except OSError:
                with lock:
                    failed[0] += 1
                continue
            dt = time.time() - t
            with lock:
                if code == 200:
                    ok.append("%s D%d %s" % (who, item, p))
                    lat.append(dt)
                else:
                    refused[0] += 1

    joined = threading.Barrier(voters)
    start = time.time()
    threads = [threading.Thread(target=phone, args=(n,)) for n in range(1, voters + 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    took = time.time() - start
    for line in ok:
        print(line)
    lat.sort()
    q = lambda f: lat[min(len(lat) - 1, int(f * len(lat)))] * 1000 if lat else 0
    sys.stderr.write("%d votes answered 200, %d refused, %d failed in %.1f s: "
                     "%.1f votes/s; latency p50 %.0f ms, p99 %.0f ms, max %.0f ms\n"
                     % (len(ok), refused[0], failed[0], took, len(ok) / took if took else 0,
                        q(0.5), q(0.99), q(1.0)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
