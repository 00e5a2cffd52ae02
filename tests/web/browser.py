#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A real browser for styr's web tests: Debian's chromium, headless,
driven through Debian's chromedriver by python3-selenium.  Nothing here
downloads a browser or a driver; the tests skip (TAP "# SKIP") only when
chromium itself is not installed (`make test-deps` installs it).

As a module (sys.path.insert(0, "tests/web"); import browser):

    ok, why = browser.available()      # chromium, driver, selenium, axe-core?
    d = browser.open(url_or_path, 360) # a driver, viewport 360 px wide
    browser.screenshot(d, "page.png")  # the whole page, not just the screen
    for v in browser.axe(d): ...       # WCAG 2.1 A/AA violations (axe-core)
    browser.resources(d)               # every URL the page fetched
    browser.close(d)                   # quits, removes the private profile

As a command, for shell tests:

    browser.py present
        exit 0 when chromium is installed: the one reason a test may skip
        (TAP "# SKIP"); with chromium there, a missing driver, selenium or
        axe-core is a failure, not a skip
    browser.py available
        exit 0 when the browser tests can run, else 1 with the reason
    browser.py axe URL-or-file [--width N ...] [--screenshot PNG]
        runs axe-core at each width (default 360 and 1280); prints each
        violation with its rule, impact and the selector of every node;
        exit 0 when there are none, 1 when there are, 3 when the browser
        could not run.  With several widths, "{width}" in PNG is replaced
        by the width (else "-WIDTH" goes before the extension).
    browser.py screenshot URL-or-file PNG [--width N]
    browser.py resources URL-or-file
        prints every URL the page loaded besides itself, one a line

The browser runs with a private profile directory (removed on close), no
sandbox when run as root (chromium refuses to start as root otherwise), a
fixed device scale of 1, and a host resolver that resolves nothing but
this machine: a page that tries to fetch from the internet fails to, and
resources() shows the attempt.
"""

import atexit
import base64
import builtins
import json
import os
import shutil
import sys
import tempfile
import urllib.parse

CHROMIUM = os.environ.get("STYR_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("STYR_CHROMEDRIVER", "/usr/bin/chromedriver")
HERE = os.path.dirname(os.path.abspath(__file__))
AXE_JS = os.path.join(HERE, "node_modules", "axe-core", "axe.min.js")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# python3-selenium is a Debian package: a python3 from elsewhere (pyenv,
# a venv) does not see it.  The command re-runs itself under Debian's
# python3; an importing script gets Debian's packages on its path.
DEBIAN_PYTHON = "/usr/bin/python3"
DEBIAN_PACKAGES = "/usr/lib/python3/dist-packages"

try:
    import selenium  # noqa: F401
except ImportError:
    if (__name__ == "__main__" and os.path.exists(DEBIAN_PYTHON)
            and os.path.realpath(sys.executable)
            != os.path.realpath(DEBIAN_PYTHON)
            and not os.environ.get("STYR_BROWSER_REEXEC")):
        os.environ["STYR_BROWSER_REEXEC"] = "1"
        os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON] + sys.argv)
    if os.path.isdir(DEBIAN_PACKAGES) and DEBIAN_PACKAGES not in sys.path:
        sys.path.append(DEBIAN_PACKAGES)

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    HAVE_SELENIUM = True
except ImportError:
    HAVE_SELENIUM = False

_profiles = []


def _cleanup():
    for p in _profiles:
        shutil.rmtree(p, ignore_errors=True)


atexit.register(_cleanup)


def available():
    """(True, "") when a browser test can run, else (False, why)."""
    if not os.access(CHROMIUM, os.X_OK):
        return False, "chromium is not installed (%s)" % CHROMIUM
    if not os.access(CHROMEDRIVER, os.X_OK):
        return False, "chromedriver is not installed (%s)" % CHROMEDRIVER
    if not HAVE_SELENIUM:
        return False, "python3-selenium is not installed"
    if not os.path.exists(AXE_JS):
        return False, "axe-core is missing: run make web-deps (%s)" % AXE_JS
    return True, ""


def chromium_present():
    """Whether chromium itself is installed: the one reason to skip."""
    return os.access(CHROMIUM, os.X_OK)


def to_url(target):
    """A URL as it is; a file path as a file:// URL."""
    if "://" in target or target.startswith(("about:", "data:")):
        return target
    return "file://" + urllib.parse.quote(os.path.abspath(target))


def _resize(driver, width, height):
    # The viewport itself, not the window around it: a 360 px test means
    # a 360 px layout viewport, as on a phone (mobile honours the page's
    # <meta name="viewport">).
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": int(width), "height": int(height),
        "deviceScaleFactor": 1, "mobile": int(width) < 600})


def open(url, width=1280, height=None, lang="da"):
    """A headless chromium at url (a URL or a file path), its viewport
    width px wide (height default: 740 on a phone, 800 otherwise).  The
    caller closes it with close()."""
    ok, why = available()
    if not ok:
        raise RuntimeError(why)
    profile = tempfile.mkdtemp(prefix="styr-chromium.")
    _profiles.append(profile)
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for a in ("--headless=new", "--disable-gpu", "--disable-dev-shm-usage",
              "--no-first-run", "--no-default-browser-check",
              "--disable-extensions", "--disable-background-networking",
              "--disable-sync", "--disable-component-update",
              "--force-device-scale-factor=1", "--hide-scrollbars",
              "--user-data-dir=" + profile, "--lang=" + lang,
              "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, "
              "EXCLUDE 127.0.0.1",
              "--window-size=%d,%d" % (max(int(width), 500), 900)):
        opts.add_argument(a)
    if os.geteuid() == 0:
        opts.add_argument("--no-sandbox")
    opts.add_experimental_option("prefs", {"intl.accept_languages": lang})
    service = Service(executable_path=CHROMEDRIVER,
                      log_path=os.path.join(profile, "chromedriver.log"))
    driver = webdriver.Chrome(service=service, options=opts)
    driver._styr_profile = profile
    driver._styr_width = int(width)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    _resize(driver, width, height or (740 if int(width) < 600 else 800))
    driver.get(to_url(url))
    return driver


def width(driver, w, height=None):
    """Changes the viewport's width (and reloads nothing)."""
    driver._styr_width = int(w)
    _resize(driver, w, height or (740 if int(w) < 600 else 800))


def screenshot(driver, path, full_page=True):
    """A PNG of the page at path: the whole page (default) or the screen."""
    params = {"format": "png"}
    if full_page:
        metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        params["captureBeyondViewport"] = True
        params["clip"] = {"x": 0, "y": 0, "scale": 1,
                          "width": max(driver._styr_width,
                                       int(size["width"] + 0.5)),
                          "height": int(size["height"] + 0.5)}
    data = driver.execute_cdp_cmd("Page.captureScreenshot", params)["data"]
    with builtins.open(path, "wb") as f:
        f.write(base64.b64decode(data))
    return path


def axe(driver, tags=None):
    """The page's WCAG 2.1 A and AA violations as axe-core reports them:
    a list of {"id", "impact", "help", "nodes": [{"target", "summary"}]}
    (empty when none)."""
    with builtins.open(AXE_JS, "rb") as f:
        source = f.read().decode("utf-8")
    driver.execute_script(source)
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]},"
        " resultTypes: ['violations']})"
        ".then(function (r) { done(JSON.stringify(r.violations)); })"
        ".catch(function (e) { done(JSON.stringify({error: String(e)})); });",
        tags or AXE_TAGS)
    found = json.loads(result)
    if isinstance(found, dict):
        raise RuntimeError("axe-core failed: " + found.get("error", "?"))
    return [{"id": v["id"], "impact": v.get("impact"), "help": v["help"],
             "nodes": [{"target": n.get("target"),
                        "summary": n.get("failureSummary", "")}
                       for n in v.get("nodes", [])]}
            for v in found]


def format_violations(violations, label=""):
    """One line per violation and one per node, for a test's log."""
    lines = []
    for v in violations:
        lines.append("%s%s (%s): %s" % (label, v["id"], v["impact"],
                                        v["help"]))
        for n in v["nodes"]:
            lines.append("    at %s" % " ".join(
                json.dumps(t) if not isinstance(t, str) else t
                for t in (n["target"] or [])))
            for s in (n["summary"] or "").splitlines():
                lines.append("      " + s)
    return "\n".join(lines)


def resources(driver):
    """Every URL the page loaded (or tried to) besides the page itself."""
    return driver.execute_script(
        "return performance.getEntriesByType('resource')"
        ".map(function (e) { return e.name; });")


def close(driver):
    """Quits the browser and removes its profile."""
    profile = getattr(driver, "_styr_profile", None)
    try:
        driver.quit()
    finally:
        if profile:
            shutil.rmtree(profile, ignore_errors=True)


def _shot_name(pattern, w, several):
    if "{width}" in pattern:
        return pattern.replace("{width}", str(w))
    if not several:
        return pattern
    base, ext = os.path.splitext(pattern)
    return "%s-%d%s" % (base, w, ext or ".png")


def main(argv):
    import argparse
    p = argparse.ArgumentParser(prog="browser.py", description=__doc__.split(
        "\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("present")
    sub.add_parser("available")
    a = sub.add_parser("axe")
    a.add_argument("target")
    a.add_argument("--width", type=int, action="append")
    a.add_argument("--screenshot")
    a.add_argument("--lang", default="da")
    s = sub.add_parser("screenshot")
    s.add_argument("target")
    s.add_argument("png")
    s.add_argument("--width", type=int, default=1280)
    s.add_argument("--lang", default="da")
    r = sub.add_parser("resources")
    r.add_argument("target")
    args = p.parse_args(argv)

    if args.cmd == "present":
        return 0 if chromium_present() else 1
    ok, why = available()
    if args.cmd == "available":
        if not ok:
            print(why)
        return 0 if ok else 1
    if not ok:
        print("browser.py: " + why, file=sys.stderr)
        return 3
    try:
        if args.cmd == "axe":
            widths = args.width or [360, 1280]
            d = open(args.target, widths[0], lang=args.lang)
            bad = 0
            try:
                for w in widths:
                    width(d, w)
                    if args.screenshot:
                        screenshot(d, _shot_name(args.screenshot, w,
                                                 len(widths) > 1))
                    v = axe(d)
                    bad += len(v)
                    if v:
                        print(format_violations(v, "%d px: " % w))
                    else:
                        print("%d px: no WCAG 2.1 A/AA violations" % w)
            finally:
                close(d)
            return 1 if bad else 0
        if args.cmd == "screenshot":
            d = open(args.target, args.width, lang=args.lang)
            try:
                screenshot(d, args.png)
            finally:
                close(d)
            return 0
        if args.cmd == "resources":
            d = open(args.target, 1280)
            try:
                for u in resources(d):
                    print(u)
            finally:
                close(d)
            return 0
    except Exception as e:  # the browser itself failed: not a finding
        print("browser.py: %s: %s" % (type(e).__name__, e), file=sys.stderr)
        return 3
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
