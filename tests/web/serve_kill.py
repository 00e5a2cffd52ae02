#!/usr/bin/python3 -S
# SPDX-License-Identifier: GPL-3.0-or-later
"""kill -9 of styr serve while participants vote (tests/t1040-serve-kill.sh).

    serve_kill.py STYR KILLS VOTERS ITEMS

Runs `STYR serve --port 0` in the current directory (a register with an
open named round on ITEMS items, people P1..PVOTERS), joins VOTERS
participants through the JSON interface, and then, KILLS times: votes
from four threads at once and sends the server SIGKILL at a random
moment, then starts it again (same tokens and ballots, from its state
file).  Every vote answered 200 is remembered.  At the end it prints, for
each voter and item, what was last answered and what was sent after it,
as lines "P3 D2 acked=remove later=change,anchor", for the shell test to
compare with the register.  Only this machine is asked; bounded by KILLS
and by 30 s per round."""

import random
import signal
import subprocess
import sys
import threading
import time

import serveapi as api


def start(styr):
    p = subprocess.Popen([styr, "serve", "--port", "0"], stdout=subprocess.PIPE,
                         stderr=open("serve.err", "ab"))
    urls = {}
    for _ in range(3):
        line = p.stdout.readline().decode()
        k, _, v = line.strip().partition(": ")
        urls[k] = v
    return p, urls


def main(argv):
    styr, kills, voters, items = argv[0], int(argv[1]), int(argv[2]), int(argv[3])
    r = random.Random(20261206)
    proc, urls = start(styr)
    host = api.hostport(urls["Participants"])
    ptok = api.token(urls["Participants"])
    ballots = {}
    for v in range(1, voters + 1):
        code, body = api.request(host, "POST", "/api/join", ptok, '{"name": "P%d"}' % v)
        if code != 200:
            print("join P%d: %d %s" % (v, code, body))
            return 1
        ballots["P%d" % v] = api.ballot(body)
    ids = ["D%d" % i for i in range(1, items + 1)]
    pri = ["remove", "change", "anchor"]
    acked, later = {}, {}
    lock = threading.Lock()
    answered = [0, 0]

    def voter(seed, stop, mine):
        # Each thread votes for its own voters only, so that one key's
        # votes go one at a time and their order is known.
        rr = random.Random(seed)
        while not stop.is_set():
            who, item, p = rr.choice(mine), rr.choice(ids), rr.choice(pri)
            key = (who, item)
            try:
                code, _ = api.request(host, "POST", "/api/vote", ballots[who],
                                  '{"item": "%s", "priority": "%s"}' % (item, p))
            except OSError:
                # killed meanwhile: saved or not, nobody was told
                with lock:
                    later.setdefault(key, []).append(p)
                return
            with lock:
                if code == 200:
                    acked[key] = p
                    later[key] = []
                    answered[0] += 1
                else:
                    answered[1] += 1

    for k in range(kills):
        stop = threading.Event()
        threads = [threading.Thread(target=voter, args=(
            r.random(), stop, ["P%d" % v for v in range(1, voters + 1) if v % 4 == t]))
            for t in range(4)]
        for t in threads:
            t.start()
        time.sleep(r.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        stop.set()
        for t in threads:
            t.join(30)
        proc, urls = start(styr)
        host = api.hostport(urls["Participants"])
        if api.token(urls["Participants"]) != ptok:
            print("after a restart the tokens changed")
            return 1
    proc.send_signal(signal.SIGTERM)
    proc.wait()
    sys.stderr.write("%d kills, %d votes answered 200, %d refused\n"
                     % (kills, answered[0], answered[1]))
    for (who, item) in sorted(set(acked) | set(later)):
        print("%s %s acked=%s later=%s" % (who, item, acked.get((who, item), "-"),
                                          ",".join(later.get((who, item), [])) or "-"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
