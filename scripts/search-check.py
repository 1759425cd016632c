#!/usr/bin/env python3
"""Search in a real browser. Serves a built site on 127.0.0.1, opens its
search pages in headless Chromium (Selenium, from site-audit's environment)
and types into the search box key by key, as a resident would.

    scripts/search-check.sh SITE
        The check `make audit` runs: typing 燃气 and 电动自行车 lists plan pages
        that contain them, 消防通道 a page that contains it, "fire" on
        /en/search/ an English page. Exit 0 when all are found.

    scripts/search-check.sh SITE --queries FILE --json [--timing]
        Types each line of FILE into /search/ (into /en/search/ for a line
        starting "en:", which is not typed) and prints one JSON object that
        maps each line, exactly as written, to the list of every result URL
        the page shows for it, through all pages of results (site-absolute
        paths). --timing adds, on standard error, each query's time (from the
        search starting to its results shown, as the page measures it) and the
        bytes of index files it fetched, and their medians after the first;
        --first-page lists only the first page of results (on a large site a
        common word has thousands).
"""
import argparse, functools, http.server, json, os, statistics, sys, threading, time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

parser = argparse.ArgumentParser()
parser.add_argument("site", nargs="?", default="public")
parser.add_argument("--queries")
parser.add_argument("--json", action="store_true")
parser.add_argument("--timing", action="store_true")
parser.add_argument("--first-page", action="store_true", help="only the first page of results (for timing a large site)")
args = parser.parse_args()
site = args.site
if args.queries and not args.json:
    sys.exit("search-check: --queries prints JSON: add --json")
if not os.path.exists(os.path.join(site, "search", "index", "manifest.js")):
    sys.exit(f"search-check: {site} has no search index (search/index/manifest.js); was it built with --no-search-index?")

served = {"bytes": 0}

class Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the site quietly, counting the bytes of the search index files it sends."""
    def log_message(self, *args):
        pass

    def copyfile(self, source, destination):
        data = source.read()
        if "/search/index/" in self.path:
            served["bytes"] += len(data)
        destination.write(data)

handler = functools.partial(Quiet, directory=site)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}"

options = Options()
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
    options.add_argument(flag)
binary = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if os.path.exists(p)), None)
if binary:
    options.binary_location = binary
driver_path = next((p for p in (os.environ.get("SITE_AUDIT_CHROMEDRIVER"), "/usr/bin/chromedriver") if p and os.path.exists(p)), None)
driver = webdriver.Chrome(options=options, service=Service(driver_path) if driver_path else None)

opened = None

def open_search(path):
    """Opens a search page (once) and waits until its index is loaded and the box enabled."""
    global opened
    if opened != path:
        driver.get(base + path)
        opened = path
    box = driver.find_element(By.ID, "search-input")
    deadline = time.time() + 60
    while not box.is_enabled():
        if time.time() > deadline:
            raise SystemExit(f"search-check: the search box on {path} never became usable: "
                             + driver.find_element(By.ID, "search-status").text)
        time.sleep(0.05)
    return box

def wait_done(query, timeout=60):
    deadline = time.time() + timeout
    root = driver.find_element(By.ID, "search")
    while root.get_attribute("data-done") != query:
        if time.time() > deadline:
            raise SystemExit(f"search-check: no results shown for {query!r} within {timeout} s: "
                             + driver.find_element(By.ID, "search-status").text)
        time.sleep(0.02)

def clear(box):
    driver.execute_script("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input'));", box)
    wait_done("")

def shown():
    """The first result's number and the result URLs on screen, read at one moment."""
    start, hrefs = driver.execute_script(
        "var list = document.getElementById('search-results');"
        "return [list.start, Array.prototype.map.call(list.querySelectorAll('li > a'), function (a) { return a.href; })];")
    return start, [h[len(base):] if h.startswith(base) else h for h in hrefs]

def bytes_fetched():
    return served["bytes"]

def search(line):
    """Types a line's query and returns every result URL over all pages of results, and the timing."""
    english = line.startswith("en:")
    query = (line[3:] if english else line).strip()
    box = open_search("/en/search/" if english else "/search/")
    clear(box)
    before = bytes_fetched()
    for key in query:
        box.send_keys(key)
    wait_done(query)
    root = driver.find_element(By.ID, "search")
    ms = int(root.get_attribute("data-ms") or 0)
    fetched = bytes_fetched() - before
    start, page = shown()
    urls = list(page)
    nxt = driver.find_element(By.ID, "search-next")
    while query and not args.first_page and nxt.is_displayed():
        expected = start + len(page)
        nxt.click()
        deadline = time.time() + 30
        while True:
            start, page = shown()
            if start == expected and page:
                break
            if time.time() > deadline:
                raise SystemExit(f"search-check: the next page of results for {query!r} never came")
            time.sleep(0.02)
        urls += page
    return urls, ms, fetched

def contains(href, query):
    """True when the built page behind a result link contains the query."""
    page = href.split("#")[0].split("?")[0].lstrip("/")
    if page == "" or page.endswith("/"):
        page += "index.html"
    try:
        with open(os.path.join(site, page), encoding="utf-8") as f:
            return query.lower() in f.read().lower()
    except OSError:
        return False

def default_check():
    ok = True
    # 消防通道 (fire exits) occurs in the reporting guide, not in the plans' own words.
    for line, prefix in (("燃气", "/plans/"), ("电动自行车", "/plans/"), ("消防通道", "/"), ("en:fire", "/en/")):
        query = line[3:] if line.startswith("en:") else line
        hits, ms, _ = search(line)
        found = [h for h in hits if h.startswith(prefix) and contains(h, query)]
        wrong = [h for h in hits if not contains(h, query)]
        if found and not wrong:
            print(f"search-check: ok: typing '{query}' lists {len(hits)} pages, each containing it, including {found[0]} ({ms} ms)")
        else:
            ok = False
            print(f"search-check: FAIL: typing '{query}': {len(found)} pages under {prefix} containing it; "
                  f"pages without it: {wrong[:5]}; results: {hits[:10]}", file=sys.stderr)
    return ok

try:
    if args.queries:
        with open(args.queries, encoding="utf-8") as f:
            lines = [l.rstrip("\r\n") for l in f.read().split("\n")]
        lines = [l for l in lines if l.strip()]
        results, timings = {}, []
        for line in lines:
            urls, ms, fetched = search(line)
            results[line] = urls
            timings.append((line, ms, fetched, len(urls)))
            if args.timing:
                print(f"search-check: {line!r}: {len(urls)} results, {ms} ms, {fetched:,} bytes fetched", file=sys.stderr)
        print(json.dumps(results, ensure_ascii=False, indent=1))
        if args.timing and len(timings) > 1:
            later = timings[1:]
            print(f"search-check: {len(timings)} queries; first {timings[0][1]} ms, {timings[0][2]:,} bytes; after it median "
                  f"{statistics.median(t[1] for t in later):.0f} ms (max {max(t[1] for t in later)}), "
                  f"median {statistics.median(t[2] for t in later):,.0f} bytes fetched", file=sys.stderr)
        ok = True
    else:
        ok = default_check()
finally:
    driver.quit()
    server.shutdown()
sys.exit(0 if ok else 1)
