#!/usr/bin/env python3
"""Drives the Millrace dashboard in headless Chromium with Selenium, as a plant engineer would.

    dashboard_test.py --base-url http://127.0.0.1:PORT --user NAME --password PASSWORD [--artifacts DIR]
                      [--benchmark [--updates N]]
    dashboard_test.py --base-url http://127.0.0.1:PORT --setup-token mr_setup_... [--artifacts DIR]

With --setup-token: the first start of a fresh installation — the login page asks for the console's setup token,
creates the administrator, enrolls an authenticator (the test computes RFC 6238 codes from the key the page shows),
shows the recovery codes once, and lands on the dashboard; then signs out and back in with a code.

First: a page of the app opened without a session lands on the login page; a wrong password is refused with
a message; the right one returns to the page asked for. At the end, signing out returns to the login page.

Without --benchmark: loads the overview and sees the asset tree, opens an asset, waits for a live value to
change, zooms a trend (drag-select and wheel), opens the trend explorer, exports CSV, visits the connections
page, toggles dark/light (and sees the choice survive a reload), and takes screenshots of every page, in
both themes and at phone width (390 px), into DIR (default .test-artifacts/browser).
With --benchmark: measures first paint / first contentful paint of the overview (Performance API) and the
latency from a sample's timestamp to the DOM showing it (p50/p99 over N updates, default 200), printed as
`BENCH name value` lines and written to DIR/benchmark.json.

Waits are for conditions, each with a generous bound that only turns a hang into a failure; nothing asserts
on how long something took. Exit status 0 = pass; failures print what was expected and what the page showed.
"""
import argparse
import base64
import hashlib
import hmac
import struct
from urllib.parse import urlparse
import json
import os
import statistics
import sys
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.actions.wheel_input import ScrollOrigin
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BOUND = 90  # seconds: a failure bound for each wait, never an expectation


class Failure(Exception):
    pass


def make_driver(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("MILLRACE_CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1440,1000", "--force-device-scale-factor=1", "--hide-scrollbars"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.add_experimental_option("prefs", {
        "download.default_directory": downloads, "download.prompt_for_download": False,
        "download.directory_upgrade": True, "safebrowsing.enabled": True})
    service = Service(os.environ.get("MILLRACE_CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(service=service, options=options)
    driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    return driver


def wait(driver, what, condition, bound=BOUND):
    try:
        return WebDriverWait(driver, bound, poll_frequency=0.2).until(lambda d: condition(d))
    except TimeoutException:
        body = driver.execute_script("return document.body ? document.body.innerText.slice(0, 1500) : ''")
        raise Failure(f"waited {bound} s for {what}; the page at {driver.current_url} shows:\n{body}")


def find(driver, css):
    elements = driver.find_elements(By.CSS_SELECTOR, css)
    return elements[0] if elements else None


def click(driver, css):
    """Clicks the element that matches now (live updates may replace elements between finding and clicking)."""
    for _ in range(20):
        try:
            element = find(driver, css)
            if element is None:
                raise Failure(f"nothing matches {css}")
            element.click()
            return
        except StaleElementReferenceException:
            time.sleep(0.1)
    raise Failure(f"{css} kept being replaced")


def shot(driver, artifacts, name):
    path = os.path.join(artifacts, name + ".png")
    driver.save_screenshot(path)
    print(f"screenshot {path}")


def check_console(driver):
    """Fails on script errors and CSP violations; 404s of API routes this server may not have are expected."""
    problems = []
    for entry in driver.get_log("browser"):
        message = entry.get("message", "")
        if entry.get("level") != "SEVERE":
            continue
        if "404" in message and "/api/v1/" in message:
            continue
        if "401" in message and "/api/v1/auth/login" in message:
            continue  # the wrong password the test types on purpose
        problems.append(message)
    if problems:
        raise Failure("the browser logged errors:\n" + "\n".join(problems))


def set_theme(driver, theme):
    current = driver.execute_script("return document.getElementById('theme-toggle').dataset.current")
    if current != theme:
        driver.find_element(By.ID, "theme-toggle").click()
    wait(driver, f"the {theme} theme", lambda d: d.execute_script(
        "return document.getElementById('theme-toggle').dataset.current") == theme)


def background(driver):
    return driver.execute_script("return getComputedStyle(document.body).backgroundColor")


def login(driver, base, user, password, artifacts=None):
    """Opens a protected page without a session, is sent to the login page, fails once, then signs in."""
    driver.get(base + "/trends")
    wait(driver, "the login page for a page opened without a session",
         lambda d: "/login" in d.current_url and find(d, "#login-form:not([hidden]) #username") is not None)
    if "next=/trends" not in driver.current_url:
        raise Failure(f"the login page does not remember the page asked for: {driver.current_url}")
    hidden = [css for css in ["#setup-form", "#enroll-form", "#recovery", "#code-row"] if find(driver, css).is_displayed()]
    if hidden:
        raise Failure(f"the login page shows forms that do not apply: {hidden}")
    if artifacts:
        shot(driver, artifacts, "login")
    find(driver, "#username").send_keys(user)
    find(driver, "#password").send_keys(password + "-wrong")
    click(driver, "#login-submit")
    wait(driver, "the refusal of a wrong password", lambda d: d.execute_script(
        "const e = document.getElementById('login-error'); return !e.hidden && e.textContent.length > 0"))
    message = driver.execute_script("return document.getElementById('login-error').textContent")
    print(f"login: a wrong password shows '{message}'")
    field = find(driver, "#password")
    field.clear()
    field.send_keys(password)
    click(driver, "#login-submit")
    wait(driver, "the page asked for after signing in", lambda d: urlparse(d.current_url).path == "/trends")
    wait(driver, "the signed-in user in the header", lambda d: d.execute_script(
        "return !document.getElementById('user').hidden && document.getElementById('user-name').textContent") == user)
    print(f"login: signed in as {user}, back on {driver.current_url}")


def totp(secret_base32, at=None):
    """RFC 6238 TOTP (SHA-1, 30 s, 6 digits), as an authenticator app computes it."""
    key = base64.b32decode(secret_base32.replace(" ", "").upper() + "=" * (-len(secret_base32.replace(" ", "")) % 8))
    counter = int((at or time.time()) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def first_start(driver, base, token, artifacts):
    """A fresh installation: setup with the console's token, MFA enrollment, recovery codes, the dashboard."""
    user, password = "plant-admin", "a long passphrase for the plant"
    driver.get(base + "/")
    wait(driver, "the setup form on a fresh installation",
         lambda d: "/login" in d.current_url and find(d, "#setup-form:not([hidden]) #setup-token") is not None)
    shot(driver, artifacts, "setup")
    find(driver, "#setup-token").send_keys(token)
    find(driver, "#setup-username").send_keys(user)
    find(driver, "#setup-password").send_keys(password)
    find(driver, "#setup-password2").send_keys(password)
    click(driver, "#setup-form button[type=submit]")
    wait(driver, "the authenticator enrollment (admins need a second factor)",
         lambda d: find(d, "#enroll-form:not([hidden]) #enroll-secret") is not None
         and d.execute_script("return document.getElementById('enroll-secret').textContent").strip() != "")
    secret = driver.execute_script("return document.getElementById('enroll-secret').textContent")
    uri = driver.execute_script("return document.getElementById('enroll-uri').getAttribute('href')")
    if not uri.startswith("otpauth://totp/"):
        raise Failure(f"the enrollment link is not an otpauth URI: {uri}")
    shot(driver, artifacts, "enroll")
    find(driver, "#enroll-code").send_keys(totp(secret))
    click(driver, "#enroll-form button[type=submit]")
    wait(driver, "the recovery codes", lambda d: len(d.find_elements(By.CSS_SELECTOR, "#recovery:not([hidden]) #recovery-codes li")) >= 8)
    codes = driver.execute_script("return [...document.querySelectorAll('#recovery-codes li')].map(e => e.textContent)")
    shot(driver, artifacts, "recovery-codes")
    click(driver, "#recovery-done")
    wait(driver, "the dashboard after setup", lambda d: urlparse(d.current_url).path == "/" and find(d, "#asset-tree .card") is not None)
    wait(driver, "the administrator in the header", lambda d: d.execute_script(
        "return document.getElementById('user-name').textContent") == user)
    print(f"first start: administrator created, authenticator enrolled, {len(codes)} recovery codes shown")
    check_console(driver)

    # Signing in again needs the second factor; a recovery code works once in its place.
    click(driver, "#sign-out")
    wait(driver, "the login page after signing out", lambda d: "/login" in d.current_url)
    find(driver, "#username").send_keys(user)
    find(driver, "#password").send_keys(password)
    click(driver, "#login-submit")
    wait(driver, "the code field when the second factor is asked for",
         lambda d: find(d, "#code-row") is not None and find(d, "#code-row").is_displayed())
    # The enrollment used this time step's code, and a step is accepted once: the next step's code is within the
    # one-step drift window an authenticator app's clock is allowed.
    find(driver, "#code").send_keys(totp(secret, time.time() + 30))
    click(driver, "#login-submit")
    wait(driver, "the dashboard after signing in with a code", lambda d: urlparse(d.current_url).path == "/" and find(d, "#asset-tree .card") is not None)
    print("second login: password and authenticator code accepted")


def sign_out(driver, base):
    click(driver, "#sign-out")
    wait(driver, "the login page after signing out", lambda d: "/login" in d.current_url)
    driver.get(base + "/connections")
    wait(driver, "the login page for the next page opened", lambda d: "/login" in d.current_url)
    print("sign out: the session ended; pages ask for a login again")


def open_overview(driver, base):
    driver.get(base + "/")
    wait(driver, "asset cards in the overview tree", lambda d: len(d.find_elements(By.CSS_SELECTOR, "#asset-tree .card")) > 0)
    wait(driver, "live values on the asset cards", lambda d: len(d.find_elements(By.CSS_SELECTOR, "#asset-tree [data-tag-value]")) > 0)


def check_chart_math(driver):
    """The chart's pure functions, run in the browser: nice value ticks and wall-clock-aligned time ticks."""
    result = driver.execute_async_script("""
        const done = arguments[arguments.length - 1];
        import('/chart.js').then(m => {
          const t0 = Date.UTC(2026, 10, 26, 8, 3, 17), hour = 3600e3;
          done({
            ticks: m.niceTicks(0, 10, 5).ticks,
            negative: m.niceTicks(-0.37, 0.41, 4).ticks,
            hourUTC: m.timeTicks(t0, t0 + hour, 800, 'UTC').map(t => t.t - t0),
            dayKolkata: m.timeTicks(t0, t0 + 24 * hour, 800, 'Asia/Kolkata').map(t => new Date(t.t).toISOString().slice(11, 16)),
            year: m.timeTicks(t0, t0 + 365 * 24 * hour, 800, 'UTC').map(t => t.label),
          });
        }).catch(e => done({ error: String(e) }));""")
    if "error" in result:
        raise Failure(f"chart.js failed to load: {result['error']}")
    expectations = [
        ("niceTicks(0, 10, 5)", result["ticks"], [0, 2, 4, 6, 8, 10]),
        ("niceTicks(-0.37, 0.41, 4)", [round(v, 6) for v in result["negative"]], [-0.2, 0, 0.2, 0.4]),
    ]
    for name, actual, expected in expectations:
        if actual != expected:
            raise Failure(f"{name} gave {actual}, expected {expected}")
    # An hour from 08:03:17 UTC at 800 px: 10-minute ticks on the wall clock (08:10 … 09:00).
    if [round(v / 1000) for v in result["hourUTC"]] != [403 + 600 * i for i in range(6)]:
        raise Failure(f"hour ticks (ms after start): {result['hourUTC']}")
    # Kolkata is UTC+05:30: 3-hour ticks fall on its wall clock, i.e. at hh:30 UTC.
    if not result["dayKolkata"] or any(not t.endswith(":30") for t in result["dayKolkata"]):
        raise Failure(f"day ticks in Asia/Kolkata (UTC times): {result['dayKolkata']}")
    if not any("2027" in label for label in result["year"]):
        raise Failure(f"a year's ticks do not name the new year: {result['year']}")
    print(f"chart math: ticks {result['ticks']}, Kolkata day ticks {result['dayKolkata']}, year {result['year']}")


def password_guessing(base, attempts=5):
    """Someone guessing a password: failed logins for one name until it is locked out (a security alarm)."""
    for _ in range(attempts):
        request = urllib.request.Request(base + "/api/v1/auth/login", method="POST",
                                         data=json.dumps({"username": "intruder", "password": "guess-guess-guess"}).encode(),
                                         headers={"Content-Type": "application/json"})
        try:
            urllib.request.urlopen(request, timeout=30)
        except urllib.error.HTTPError as error:
            if error.code not in (401, 429):
                raise Failure(f"a failed login answered {error.code}, expected 401")


def test(driver, base, artifacts, downloads):
    # Overview: summary strip and the asset tree down to asset cards.
    password_guessing(base)
    open_overview(driver, base)
    wait(driver, "the lockout as a security alarm under 'Needs attention'",
         lambda d: find(d, '#attention [data-security-alarm="userLockedOut"]') is not None)
    print("overview: " + driver.execute_script(
        "return document.querySelector('#attention [data-security-alarm]').textContent"))
    check_chart_math(driver)
    set_theme(driver, "dark")
    stats = driver.execute_script(
        "return Object.fromEntries([...document.querySelectorAll('[data-stat]')].map(e => [e.dataset.stat, e.querySelector('.value').textContent]))")
    for key in ["running", "problems", "connections-up", "connections-down", "bad-tags", "alarms"]:
        if key not in stats:
            raise Failure(f"the summary strip has no '{key}': {stats}")
    levels = set(driver.execute_script("return [...document.querySelectorAll('#asset-tree details')].map(e => e.className)"))
    paths = driver.execute_script("return [...document.querySelectorAll('#asset-tree .card')].map(e => e.dataset.asset)")
    print(f"overview: {len(paths)} asset cards, levels {sorted(levels)}, summary {stats}")
    if not {"site", "area", "line"} <= levels:
        raise Failure(f"the asset tree lacks site/area/line levels: {sorted(levels)}")
    shot(driver, artifacts, "overview-dark")

    # Open an asset with numeric trends (a motor if there is one).
    target = next((p for p in paths if "motor" in p or "conveyor" in p), paths[0])
    click(driver, f'#asset-tree .card[data-asset="{target}"]')
    wait(driver, "the asset page", lambda d: "/assets/" in d.current_url and find(d, "#live-values [data-tag-value]") is not None)
    print(f"asset page: {driver.current_url}")

    # A live value changes without reloading: watch every value's sample time on the page.
    def times(d):
        return d.execute_script("return [...document.querySelectorAll('#live-values [data-tag-value]')].map(e => e.dataset.tagValue + '=' + (e.dataset.time || ''))")
    wait(driver, "a current value with a time", lambda d: any(not t.endswith("=") for t in times(d)))
    before = set(times(driver))
    marker = driver.execute_script("window.__sameDocument = 1; return 1")
    changed = wait(driver, "a live value to change", lambda d: (set(times(d)) - before) or None)
    if driver.execute_script("return window.__sameDocument") != marker:
        raise Failure("the page reloaded to show the new value")
    print(f"live value changed: {sorted(changed)[:3]}")

    # Trends: the first chart loads from /plot, then zooms by drag-select and by wheel, then resets.
    wait(driver, "trend data", lambda d: d.execute_script(
        "const c = document.querySelector('[data-chart][data-loaded-points]'); return c && +c.dataset.loadedPoints > 0"))
    chart = find(driver, "[data-chart][data-loaded-points]")
    span_of = lambda: driver.execute_script("const r = arguments[0].dataset.range.split(','); return r[1] - r[0];", chart)
    initial = span_of()
    canvas = chart.find_element(By.CSS_SELECTOR, "canvas:last-of-type")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", chart)
    width = canvas.size["width"]
    # Select the most recent minutes (where the data of a fresh server is: the plot ends 10 px inside the
    # canvas), then zoom further in with the wheel there, three notches.
    right = width // 2 - 12
    ActionChains(driver).move_to_element_with_offset(canvas, right - 40, 0).click_and_hold() \
        .move_by_offset(50, 10).release().perform()
    wait(driver, "the drag-selected range to load", lambda d: span_of() < initial * 0.2)
    after_drag = span_of()
    for notch in range(3):
        before_notch = span_of()
        ActionChains(driver).scroll_from_origin(ScrollOrigin.from_element(canvas, right, 0), 0, -400).perform()
        wait(driver, f"wheel zoom {notch + 1} to load", lambda d: span_of() < before_notch * 0.95)
    print(f"zoom: {initial / 1000:.0f} s -> drag {after_drag / 1000:.0f} s -> wheel {span_of() / 1000:.0f} s")
    ActionChains(driver).move_to_element_with_offset(canvas, right - 30, 0).perform()  # crosshair and readout in the screenshot
    shot(driver, artifacts, "asset-zoomed-dark")
    click(driver, "#reset-zoom")
    wait(driver, "the reset range", lambda d: abs(span_of() - initial) < initial * 0.05)
    driver.execute_script("window.scrollTo(0, 0)")
    shot(driver, artifacts, "asset-dark")
    set_theme(driver, "light")
    shot(driver, artifacts, "asset-light")

    # Trend explorer: search, pick two tags, separate axes then normalised, compare with yesterday, export CSV.
    click(driver, '[data-nav="trends"]')
    wait(driver, "the tag picker", lambda d: len(d.find_elements(By.CSS_SELECTOR, "#tag-list input[type=checkbox]")) > 0)
    search = driver.find_element(By.ID, "tag-search")
    search.send_keys("current")
    wait(driver, "search results", lambda d: 0 < len(d.find_elements(By.CSS_SELECTOR, "#tag-list input[type=checkbox]")) < 200)
    found = driver.execute_script("return [...document.querySelectorAll('#tag-list label')].map(l => [l.querySelector('input').value, l.textContent])")
    if any("current" not in text.lower() for _, text in found):
        raise Failure(f"the search for 'current' found {found}")
    ids = [value for value, _ in found[:2]]
    for tag in ids:  # each click redraws the list: find the box again
        click(driver, f'#tag-list input[value="{tag}"]')
    wait(driver, "the explorer chart", lambda d: d.execute_script(
        "return +(document.getElementById('explorer-chart').dataset.series || 0)") >= len(ids))
    if "tags=" not in driver.current_url:
        raise Failure(f"the selection is not in the URL: {driver.current_url}")
    click(driver, '[data-mode="normalised"]')
    driver.find_element(By.CSS_SELECTOR, "#compare option[value='1d']").click()
    wait(driver, "the comparison series", lambda d: d.execute_script(
        "return +(document.getElementById('explorer-chart').dataset.series || 0)") >= 2 * len(ids))
    click(driver, '[data-preset="1h"]')
    wait(driver, "the 1h range", lambda d: d.execute_script(
        "return +(document.getElementById('explorer-chart').dataset.series || 0)") >= 2 * len(ids) and "range=1h" in d.current_url)
    shot(driver, artifacts, "trends-light")

    wait(driver, "an export link", lambda d: find(d, "#export a[data-export]"))
    href, name = driver.execute_script("const a = document.querySelector('#export a[data-export]'); return [a.href, a.getAttribute('download')]")
    # Fetched outside the browser with the browser's session, as a script of the same user would.
    session = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(href, headers={"Cookie": session}), timeout=30) as response:
        content_type = response.headers.get("Content-Type", "")
        csv_text = response.read().decode()
    lines = [l for l in csv_text.splitlines() if l]
    if "text/csv" not in content_type or not lines[0].startswith("time,") or len(lines) < 2:
        raise Failure(f"the CSV export {href} answered {content_type}: {csv_text[:300]}")
    click(driver, "#export a[data-export]")

    def downloaded(_):
        # The server's Content-Disposition names the file, so take any finished CSV.
        for file in os.listdir(downloads):
            path = os.path.join(downloads, file)
            if file.endswith(".csv") and open(path).read().startswith("time,"):
                return file
        return None
    name = wait(driver, "the downloaded CSV", downloaded)
    print(f"CSV export: {len(lines) - 1} rows from {href}; downloaded {name}")

    # Connections.
    click(driver, '[data-nav="connections"]')
    wait(driver, "connection rows", lambda d: len(d.find_elements(By.CSS_SELECTOR, "[data-connection]")) > 0)
    states = driver.execute_script("return [...document.querySelectorAll('[data-connection]')].map(r => r.dataset.connection + ': ' + r.querySelector('.state').textContent)")
    print(f"connections: {states}")
    shot(driver, artifacts, "connections-light")
    set_theme(driver, "dark")
    shot(driver, artifacts, "connections-dark")

    # Theme toggle: the colours change and the choice survives a reload.
    open_overview(driver, base)
    dark = background(driver)
    set_theme(driver, "light")
    light = background(driver)
    if dark == light:
        raise Failure(f"the theme toggle did not change the background ({dark})")
    driver.refresh()
    open_overview(driver, base)
    if driver.execute_script("return document.documentElement.dataset.theme") != "light" or background(driver) != light:
        raise Failure("the light theme was not remembered across a reload")
    shot(driver, artifacts, "overview-light")
    print(f"theme: dark {dark}, light {light}, remembered")

    # Phone width: no sideways scrolling.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True})
    try:
        open_overview(driver, base)
        shot(driver, artifacts, "overview-phone-light")
        set_theme(driver, "dark")
        shot(driver, artifacts, "overview-phone-dark")
        overflow = driver.execute_script("return document.documentElement.scrollWidth")
        if overflow > 392:
            raise Failure(f"the overview is {overflow} px wide on a 390 px phone")
        click(driver, f'#asset-tree .card[data-asset="{target}"]')
        wait(driver, "trend data on the phone", lambda d: find(d, "[data-chart][data-loaded-points]") is not None)
        shot(driver, artifacts, "asset-phone-dark")
        overflow = driver.execute_script("return document.documentElement.scrollWidth")
        if overflow > 392:
            widest = driver.execute_script(
                "return [...document.querySelectorAll('main *')].filter(e => e.getBoundingClientRect().right > 392).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))")
            raise Failure(f"the asset page is {overflow} px wide on a 390 px phone: {widest}")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    check_console(driver)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def benchmark(driver, base, artifacts, updates):
    results = {}
    paints = []
    for _ in range(7):
        driver.execute_cdp_cmd("Network.clearBrowserCache", {})
        open_overview(driver, base)
        wait(driver, "the overview mark", lambda d: d.execute_script(
            "return performance.getEntriesByName('millrace-overview-rendered').length > 0"))
        paints.append(driver.execute_script("""
            const p = {};
            for (const e of performance.getEntriesByType('paint')) p[e.name] = e.startTime;
            p.tree = performance.getEntriesByName('millrace-overview-rendered')[0].startTime;
            p.load = performance.getEntriesByType('navigation')[0].loadEventEnd;
            return p;"""))
    for key in ["first-paint", "first-contentful-paint", "tree"]:
        values = [p[key] for p in paints if key in p]
        results[key + "_ms_median"] = round(statistics.median(values), 1)
        print(f"BENCH overview {key} median {statistics.median(values):.1f} ms over {len(values)} loads (all: {[round(v) for v in values]})")

    # Sample-to-screen latency: each change of a value's sample time on the asset page, measured in the
    # animation frame after the DOM changed (the frame that paints it).
    paths = driver.execute_script("return [...document.querySelectorAll('#asset-tree .card')].map(e => e.dataset.asset)")
    target = next((p for p in paths if "motor" in p or "conveyor" in p), paths[0])
    driver.get(base + "/assets/" + target)
    wait(driver, "live values", lambda d: find(d, "#live-values [data-tag-value][data-time]") is not None)
    driver.execute_script("""
        window.__latency = [];
        const observer = new MutationObserver(records => {
          const now = Date.now();
          const times = records.filter(r => r.attributeName === 'data-time').map(r => r.target.dataset.time);
          requestAnimationFrame(() => { const painted = Date.now(); for (const t of times) window.__latency.push(painted - Date.parse(t)); });
        });
        observer.observe(document.getElementById('live-values'), { subtree: true, attributes: true, attributeFilter: ['data-time'] });""")
    wait(driver, f"{updates} value updates", lambda d: d.execute_script("return window.__latency.length") >= updates, bound=max(BOUND, updates * 2))
    latencies = driver.execute_script("return window.__latency")
    mode = driver.execute_script("return document.getElementById('live').dataset.mode")
    results.update({"latency_mode": mode, "latency_updates": len(latencies),
                    "latency_p50_ms": percentile(latencies, 50), "latency_p99_ms": percentile(latencies, 99),
                    "latency_max_ms": max(latencies)})
    print(f"BENCH sample-to-screen ({mode}) p50 {percentile(latencies, 50)} ms p99 {percentile(latencies, 99)} ms "
          f"max {max(latencies)} ms over {len(latencies)} updates")
    with open(os.path.join(artifacts, "benchmark.json"), "w") as f:
        json.dump(results, f, indent=2)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--setup-token")
    parser.add_argument("--artifacts", default=".test-artifacts/browser")
    parser.add_argument("--benchmark", action="store_true")
    parser.add_argument("--updates", type=int, default=200)
    args = parser.parse_args()
    artifacts = os.path.abspath(args.artifacts)
    downloads = os.path.join(artifacts, "downloads")
    os.makedirs(downloads, exist_ok=True)
    for name in os.listdir(downloads):
        os.remove(os.path.join(downloads, name))
    if os.path.exists(os.path.join(artifacts, "failure.png")):
        os.remove(os.path.join(artifacts, "failure.png"))
    driver = make_driver(downloads)
    try:
        base = args.base_url.rstrip("/")
        if args.setup_token:
            first_start(driver, base, args.setup_token, artifacts)
            print("PASS")
            return 0
        if not args.user or not args.password:
            parser.error("give --user and --password (or --setup-token for a fresh installation)")
        login(driver, base, args.user, args.password, None if args.benchmark else artifacts)
        if args.benchmark:
            benchmark(driver, base, artifacts, args.updates)
        else:
            test(driver, base, artifacts, downloads)
            sign_out(driver, base)
        print("PASS")
        return 0
    except Failure as failure:
        try:
            shot(driver, artifacts, "failure")
        except Exception:
            pass
        print(f"FAIL: {failure}")
        return 1
    finally:
        driver.quit()


if __name__ == "__main__":
    sys.exit(main())
