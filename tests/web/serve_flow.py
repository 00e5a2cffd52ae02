#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The workshop in a real browser (tests/t1010-serve-browser.sh): Debian's
chromium, headless, driven by selenium through tests/web/browser.py.

    serve_flow.py STEP URL SHOTS_DIR [ARGS...]

Each step prints what it saw, one fact a line, and exits 0 when it went
as expected, 1 when not (with the reason), 3 when the browser could not
run.  Steps:

  vote URL SHOTS NAME          the participants' address: join as NAME,
                               vote remove/change/anchor on the first three
                               items, then change the first to anchor;
                               axe-core at 360 and 1280 px, screenshots
  screen URL SHOTS VOTED TAG   the projector: waits until VOTED have voted;
                               with TAG "revealed" also for the tally;
                               axe-core and screenshots (TAG in the names)
  facilitate URL SHOTS         the facilitator: closes the round, reveals
                               it; axe-core and screenshots
  result URL SHOTS             the participants' page after the reveal
  checklist URL SHOTS          the facilitator's item checklist at 390x844
  lost URL SHOTS               a phone that lost its cookie reloads the
                               page: what it shows; axe-core, screenshots
  linger URL SHOTS NAME ID     joins as NAME (refused: the message after
                               two polls) or votes on ID, and prints the
                               status line after two polls
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402


def wait(driver, what, fn, seconds=15):
    end = time.time() + seconds
    last = None
    while time.time() < end:
        try:
            last = fn(driver)
            if last:
                return last
        except Exception as e:  # the page is being redrawn
            last = e
        time.sleep(0.2)
    raise AssertionError("timed out waiting for %s (last: %r)" % (what, last))


def check_axe(driver, label, shots):
    bad = 0
    for w in (360, 1280):
        browser.width(driver, w)
        time.sleep(0.3)
        browser.screenshot(driver, os.path.join(shots, "%s-%d.png" % (label, w)))
        v = browser.axe(driver)
        if v:
            print(browser.format_violations(v, "%s %d px: " % (label, w)))
            bad += len(v)
        else:
            print("%s %d px: no WCAG 2.1 A/AA violations" % (label, w))
    if bad:
        raise AssertionError("%d axe-core violations on %s" % (bad, label))


def local_only(driver, label):
    for u in browser.resources(driver):
        if not u.startswith(("http://127.0.0.1:", "http://localhost:")):
            raise AssertionError("%s loaded %s" % (label, u))
    if "key=" in driver.current_url:
        raise AssertionError("%s: the token stayed in the address: %s"
                             % (label, driver.current_url))


def status(driver):
    return driver.find_element(By.ID, "status").text


def step_vote(url, shots, name):
    d = browser.open(url, 360)
    try:
        wait(d, "the name form", lambda d: d.find_element(By.ID, "join").is_displayed())
        check_axe(d, "vote-join", shots)
        browser.width(d, 360)
        d.find_element(By.ID, "name").send_keys(name)
        d.find_element(By.CSS_SELECTOR, "#join button").click()
        items = wait(d, "the items", lambda d: d.find_elements(By.CSS_SELECTOR, "#items li.item"))
        ids = [li.find_element(By.CSS_SELECTOR, "h2 .id").text.strip() for li in items]
        print("items: " + " ".join(ids))
        print(status(d))
        plan = list(zip(ids[:3], ["remove", "change", "anchor"])) + [(ids[0], "anchor")]
        for item, p in plan:
            b = wait(d, "button %s %s" % (item, p),
                     lambda d: d.find_element(By.ID, "b-%s-%s" % (item, p)))
            b.click()
            wait(d, "the vote on %s saved" % item,
                 lambda d: d.find_element(By.ID, "b-%s-%s" % (item, p))
                 .get_attribute("aria-pressed") == "true" and item in status(d))
            print("voted %s %s: %s" % (item, p, status(d)))
        print("left: " + d.find_element(By.ID, "left").text)
        pressed = [b.get_attribute("id") for b in
                   d.find_elements(By.CSS_SELECTOR, ".choice[aria-pressed=true]")]
        print("pressed: " + " ".join(sorted(pressed)))
        local_only(d, "vote")
        check_axe(d, "vote", shots)
    finally:
        browser.close(d)


def step_screen(url, shots, voted, tag):
    d = browser.open(url, 1280)
    try:
        wait(d, "%s voted" % voted, lambda d: d.find_element(By.ID, "voted").text == voted)
        print("voted: " + d.find_element(By.ID, "voted").text)
        wait(d, "the QR code", lambda d: d.execute_script(
            "var i = document.getElementById('qr'); return i.complete && i.naturalWidth > 0;"))
        print("qr: shown, alt: " + d.find_element(By.ID, "qr").get_attribute("alt"))
        print("url: " + d.find_element(By.ID, "url").text)
        if tag == "revealed":
            rows = wait(d, "the tally", lambda d: d.find_element(By.ID, "result").is_displayed()
                        and d.find_elements(By.CSS_SELECTOR, "#tally tr"))
            for r in rows:
                print("tally: " + " | ".join(c.text for c in r.find_elements(By.CSS_SELECTOR, "th, td")))
        else:
            if d.find_element(By.ID, "result").is_displayed() or \
                    d.find_elements(By.CSS_SELECTOR, "#tally tr"):
                raise AssertionError("the tally shows before it is revealed")
            print("tally: hidden")
        local_only(d, "screen")
        check_axe(d, "screen-" + tag, shots)
    finally:
        browser.close(d)


def confirm(d):
    """The facilitator's page asks before closing or revealing: prints the
    question and answers yes."""
    a = wait(d, "the question", lambda d: d.switch_to.alert)
    print("asked: " + a.text)
    a.accept()


def step_projector(url, shots):
    """The projector at 1920x1080: how big the code and the text are."""
    d = browser.open(url, 1920, 1080)
    try:
        wait(d, "the address", lambda d: d.find_element(By.ID, "url").text)
        px = d.execute_script(
            "function f(id) { return parseFloat(getComputedStyle("
            "document.getElementById(id)).fontSize); }"
            "return [document.getElementById('qr').getBoundingClientRect().width,"
            " f('url'), f('voted'), f('status')];")
        print("qr: %d px, address: %d px, count: %d px, status: %d px"
              % tuple(px))
        browser.screenshot(d, os.path.join(shots, "screen-1920.png"), full_page=False)
        check_axe(d, "screen-1920", shots)
    finally:
        browser.close(d)


def step_facilitate(url, shots):
    d = browser.open(url, 1280)
    try:
        wait(d, "the round", lambda d: "1" in d.find_element(By.ID, "round-state").text)
        print("before: " + d.find_element(By.ID, "round-state").text)
        shown = d.find_element(By.ID, "open").is_displayed()
        print("open form: " + ("offered" if shown else "hidden") +
              ", note: " + d.find_element(By.ID, "open-note").text)
        check_axe(d, "facilitator", shots)
        browser.width(d, 1280)
        d.find_element(By.ID, "close").click()
        confirm(d)
        wait(d, "closed", lambda d: d.find_element(By.ID, "close").get_attribute("disabled") is not None)
        print("closed: " + d.find_element(By.ID, "round-state").text)
        print("said: " + wait(d, "the status", status))
        wait(d, "the form", lambda d: d.find_element(By.ID, "open").is_displayed())
        print("open form: offered, note: " + d.find_element(By.ID, "open-note").text)
        d.find_element(By.ID, "reveal").click()
        confirm(d)
        wait(d, "revealed", lambda d: d.find_element(By.ID, "tally-table").is_displayed())
        print("revealed: " + d.find_element(By.ID, "round-state").text)
        print("said: " + status(d))
        local_only(d, "facilitator")
        check_axe(d, "facilitator-revealed", shots)
    finally:
        browser.close(d)


def step_checklist(url, shots):
    """The facilitator's item checklist on a phone (390x844): how many
    items it has, and how many of them the page shows when scrolled to
    each (none cut off inside a box of its own); screenshots."""
    d = browser.open(url, 390, 844)
    try:
        wait(d, "the items", lambda d: d.find_elements(By.CSS_SELECTOR, "#item-boxes input"))
        time.sleep(0.5)
        boxes = d.find_elements(By.CSS_SELECTOR, "#item-boxes input")
        seen = 0
        for b in boxes:
            # Scrolled as the page scrolls, not the list: is the item on
            # the screen, not clipped by a box around the list?
            d.execute_script("window.scrollTo(0, arguments[0].getBoundingClientRect().top"
                             " + window.scrollY - 200);", b)
            seen += d.execute_script(
                "var e = arguments[0], r = e.getBoundingClientRect();"
                "var h = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                "return h === e || (h && h.htmlFor === e.id) ? 1 : 0;", b)
        print("checklist: %d items, %d shown when the page is scrolled to them"
              % (len(boxes), seen))
        box = d.find_element(By.ID, "item-boxes")
        print("list box: %s" % ("scrolls on its own"
              if d.execute_script("return arguments[0].scrollHeight > arguments[0].clientHeight + 1;", box)
              else "grows with the page"))
        browser.screenshot(d, os.path.join(shots, "facilitator-checklist-390.png"))
        browser.width(d, 1920, 1080)
        time.sleep(0.3)
        browser.screenshot(d, os.path.join(shots, "facilitator-checklist-1920.png"))
        check_axe(d, "facilitator-checklist", shots)
    finally:
        browser.close(d)


def step_result(url, shots):
    d = browser.open(url, 360)
    try:
        res = wait(d, "the result", lambda d: d.find_elements(By.CSS_SELECTOR, "#items .result"))
        for r in res:
            print("result: " + r.text)
        print(status(d))
        check_axe(d, "vote-revealed", shots)
    finally:
        browser.close(d)


def step_lost(url, shots):
    d = browser.open(url, 360)
    try:
        wait(d, "the page", lambda d: d.find_element(By.ID, "status"))
        d.delete_all_cookies()
        d.refresh()
        print("h1: " + d.find_element(By.TAG_NAME, "h1").text)
        print("p: " + d.find_element(By.TAG_NAME, "p").text)
        check_axe(d, "vote-lost", shots)
    finally:
        browser.close(d)


def step_linger(url, shots, name, item):
    d = browser.open(url, 360)
    try:
        wait(d, "the name form", lambda d: d.find_element(By.ID, "join").is_displayed())
        d.find_element(By.ID, "name").send_keys(name)
        d.find_element(By.CSS_SELECTOR, "#join button").click()
        if item != "-":
            b = wait(d, "the button", lambda d: d.find_element(By.ID, "b-%s-change" % item))
            b.click()
            wait(d, "the vote saved", lambda d: item in status(d))
        else:
            wait(d, "the refusal", lambda d: "Det lykkedes ikke" in status(d))
        time.sleep(6.5)  # two polls of the participants' page
        print("after two polls: " + status(d))
    finally:
        browser.close(d)


def main(argv):
    ok, why = browser.available()
    if not ok:
        print("serve_flow.py: " + why, file=sys.stderr)
        return 3
    step, url, shots = argv[0], argv[1], argv[2]
    os.makedirs(shots, exist_ok=True)
    try:
        if step == "vote":
            step_vote(url, shots, argv[3])
        elif step == "screen":
            step_screen(url, shots, argv[3], argv[4])
        elif step == "facilitate":
            step_facilitate(url, shots)
        elif step == "checklist":
            step_checklist(url, shots)
        elif step == "result":
            step_result(url, shots)
        elif step == "projector":
            step_projector(url, shots)
        elif step == "lost":
            step_lost(url, shots)
        elif step == "linger":
            step_linger(url, shots, argv[3], argv[4])
        else:
            return 2
    except AssertionError as e:
        print("serve_flow.py: %s" % e)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
