#!/usr/bin/env python3
"""Shows that search works in a real browser: serves a built site on
localhost, opens /search/ and /en/search/ in headless Chromium (Selenium,
from site-audit's environment), types 燃气 and "fire" into the search box
key by key, and waits until the results list a page of the site that
contains the word: a plan page (under /plans/) for 燃气 and 电动自行车, any
page for 消防通道, an English page for "fire". Exit 0 when all are found.

    scripts/search-check.sh [SITE]        (finds the Python that has Selenium)
"""
import functools, http.server, os, sys, threading, time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

site = sys.argv[1] if len(sys.argv) > 1 else "public"
if not os.path.isdir(os.path.join(site, "pagefind")):
    sys.exit(f"search-check: {site} has no pagefind/ index (is pagefind-bin-extended installed?)")

class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

handler = functools.partial(Quiet, directory=site)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = f"http://127.0.0.1:{server.server_address[1]}/"

options = Options()
for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
    options.add_argument(flag)
binary = next((p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if os.path.exists(p)), None)
if binary:
    options.binary_location = binary
driver_path = next((p for p in (os.environ.get("SITE_AUDIT_CHROMEDRIVER"), "/usr/bin/chromedriver") if p and os.path.exists(p)), None)
driver = webdriver.Chrome(options=options, service=Service(driver_path) if driver_path else None)

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

def check(path, query, prefix):
    driver.get(base + path)
    box = driver.find_element(By.ID, "search-input")
    deadline = time.time() + 60
    while not box.is_enabled() and time.time() < deadline:   # enabled once Pagefind has loaded
        time.sleep(0.1)
    for key in query:
        box.send_keys(key)
        time.sleep(0.05)
    hits = []
    while time.time() < deadline:
        hits = [a.get_attribute("href")[len(base) - 1:] for a in driver.find_elements(By.CSS_SELECTOR, "#search-results li > a")]
        found = [h for h in hits if h.startswith(prefix) and contains(h, query)]
        if found:
            print(f"search-check: ok: typing '{query}' on /{path} lists {len(hits)} pages, including {found[0]}")
            return True
        time.sleep(0.2)
    print(f"search-check: FAIL: typing '{query}' on /{path} listed no page under {prefix} containing it; results: {hits}",
          file=sys.stderr)
    return False

try:
    ok = True
    # 消防通道 (fire exits) occurs in the reporting guide, not in the plans' own words.
    for word, prefix in (("燃气", "/plans/"), ("电动自行车", "/plans/"), ("消防通道", "/")):
        ok = check("search/", word, prefix) and ok
    ok = check("en/search/", "fire", "/en/") and ok
finally:
    driver.quit()
    server.shutdown()
sys.exit(0 if ok else 1)
