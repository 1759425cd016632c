#!/usr/bin/env python3
"""Measurement (not a test): gen-site's own search index against Pagefind fed
pre-segmented text, on the same pages (docs/search.md, docs/performance.md).

    scripts/search-compare.py SITE QUERIES [--reuse]   (SITE built by gen-site, e.g. the 20,000-page bench site;
                                                       --reuse keeps the last run's Pagefind index)

Pagefind's side: every page the gen-site index holds (its text is read from
that index) is written again as a page for Pagefind with its text segmented
the way the issue proposes: each run of Chinese characters as its pairs of
adjacent characters, in order (so a quoted phrase of pairs is an exact
substring), and each character alone in a second block (for one-character
queries), every token spelled as a Latin word (b + hex code points, u + hex)
so that Pagefind's own Chinese segmentation cannot cut it again; English
words as they are. A query is segmented the same way: one character → its
token, two → the pair, more → the quoted phrase of its pairs. Pagefind
(pagefind-bin-extended from PyPI, installed into .build/pagefind-venv when
missing) indexes that site.

For each query of QUERIES (one a line, "en:" for English) both engines run in
headless Chromium (Selenium, from site-audit's environment) with the index
files served from 127.0.0.1: time to the first ten results with their titles
and excerpts, bytes the server sent for the query, and the number of results, which
is compared with the true number of pages holding the query (computed here
from the pages' text). Prints a table and the totals: index bytes per page.
"""
import functools, glob, http.server, json, os, re, shutil, statistics, subprocess, sys, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REUSE = "--reuse" in sys.argv   # keep the Pagefind site and index of the last run
ARGS = [a for a in sys.argv[1:] if a != "--reuse"]
if len(ARGS) != 2:
    sys.exit(__doc__)
SITE, QUERIES = ARGS
WORK = os.path.join(os.path.dirname(os.path.abspath(SITE)), "pagefind-compare")
VENV = os.path.join(ROOT, ".build", "pagefind-venv")

def load_index(folder):
    """[(path, title, text)] of one language's gen-site index, in its order."""
    pages = []
    files = sorted(glob.glob(os.path.join(folder, "d*.js")), key=lambda p: int(re.search(r"d(\d+)\.js$", p).group(1)))
    for path in files:
        source = open(path, encoding="utf-8").read()
        data = json.loads(source[source.index(",") + 1:source.rindex(")")])
        pages += [(d[0], d[1], d[3]) for d in data]
    return pages

def is_word(c):
    o = ord(c.lower()) if "A" <= c <= "Z" else ord(c)
    return (0x30 <= o <= 0x39) or (0x61 <= o <= 0x7A) or (0xC0 <= o <= 0x24F and o not in (0xD7, 0xF7)) or (0x370 <= o <= 0x4FF)

def is_char(c):
    o = ord(c)
    if o < 0xC0:
        return False
    if o in (0xD7, 0xF7) or (0xC0 <= o <= 0x24F) or (0x370 <= o <= 0x4FF):
        return False
    return not (o == 0x1680 or 0x2000 <= o <= 0x200F or 0x2028 <= o <= 0x202F or 0x205F <= o <= 0x2064 or o in (0x3000, 0xFEFF))

def runs(text):
    return re.findall(r"[^\x00-\xbf\u00d7\u00f7\u00c0-\u024f\u0370-\u04ff\u1680\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff\s]+", text)

def pair(a, b):
    return "b%05x%05x" % (ord(a), ord(b))

def single(a):
    return "u%05x" % ord(a)

def segmented(text):
    """Pairs in order (one line per run), then every character alone."""
    pairs, singles = [], []
    for run in runs(text):
        pairs.append(" ".join(pair(run[i], run[i + 1]) for i in range(len(run) - 1)))
        singles += [single(c) for c in run]
    words = " ".join(re.findall(r"[0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u04ff]+", text))
    return [p for p in pairs if p], " ".join(singles), words

def escape(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def pagefind_query(query):
    parts = []
    for run in runs(query):
        if len(run) == 1:
            parts.append(single(run))
        elif len(run) == 2:
            parts.append(pair(run[0], run[1]))
        else:
            parts.append('"' + " ".join(pair(run[i], run[i + 1]) for i in range(len(run) - 1)) + '"')
    parts += re.findall(r"[0-9A-Za-z]+", query)
    return " ".join(parts)

def stem(w):
    w = w.lower()
    if w.endswith("sses") or w.endswith("ies"):
        return w[:-2]
    if w.endswith("ss"):
        return w
    if w.endswith("s") and len(w) >= 3:
        return w[:-1]
    return w

def truth(pages, query):
    chars = runs(query)
    words = [stem(w) for w in re.findall(r"[0-9A-Za-z]+", query)]
    count = 0
    for _, title, text in pages:
        whole = title + "\n" + text
        if not all(c in whole for c in chars):
            continue
        if words:
            present = {stem(w) for w in re.findall(r"[0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u04ff]+", whole)}
            if not all(w in present for w in words):
                continue
        count += 1
    return count

def main():
    languages = {"zh": load_index(os.path.join(SITE, "search", "index")), "en": load_index(os.path.join(SITE, "en", "search", "index"))}
    reuse = REUSE and os.path.exists(os.path.join(WORK, "pagefind", "pagefind.js"))
    if not reuse:
        shutil.rmtree(WORK, ignore_errors=True)
    for lang, pages in ([] if reuse else languages.items()):
        for path, title, text in pages:
            folder = os.path.join(WORK, path)
            os.makedirs(folder, exist_ok=True)
            pairs, singles, words = segmented(title + "\n" + text)
            body = "".join(f"<p>{escape(p)}</p>" for p in pairs) + f"<p>{escape(singles)}</p><p>{escape(words)}</p>"
            with open(os.path.join(folder, "index.html"), "w", encoding="utf-8") as f:
                f.write(f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{escape(title)}</title></head>'
                        f'<body><main data-pagefind-body><h1>{escape(title)}</h1>{body}</main></body></html>\n')
    with open(os.path.join(WORK, "blank.html"), "w") as f:
        f.write('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>compare</title></head><body></body></html>\n')
    if not os.path.exists(os.path.join(VENV, "bin", "python3")):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
    if subprocess.run([os.path.join(VENV, "bin", "python3"), "-c", "import pagefind_bin_extended"], capture_output=True).returncode:
        subprocess.run([os.path.join(VENV, "bin", "pip"), "install", "--quiet", "pagefind-bin-extended==1.5.2"], check=True)
    folder = subprocess.run([os.path.join(VENV, "bin", "python3"), "-c",
                             "import os, pagefind_bin_extended as p; print(os.path.dirname(p.__file__))"],
                            capture_output=True, text=True, check=True).stdout.strip()
    started = time.time()
    if not reuse:
        subprocess.run([os.path.join(folder, "pagefind_extended"), "--site", WORK, "--silent"], check=True)
    pagefind_seconds = time.time() - started
    pagefind_bytes = sum(os.path.getsize(p) for p in glob.glob(os.path.join(WORK, "pagefind", "**", "*"), recursive=True) if os.path.isfile(p))
    pagefind_files = len([p for p in glob.glob(os.path.join(WORK, "pagefind", "**", "*"), recursive=True) if os.path.isfile(p)])
    ours = [p for lang in ("search", "en/search") for p in glob.glob(os.path.join(SITE, lang, "index", "*.js"))]
    ours_bytes = sum(os.path.getsize(p) for p in ours)
    page_count = sum(len(p) for p in languages.values())

    sys.path.insert(0, os.path.join(ROOT, "scripts"))
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    served = {"bytes": 0}

    class Quiet(http.server.SimpleHTTPRequestHandler):
        """Counts the bytes of every file it serves (what a query fetched, whoever fetched it)."""
        def log_message(self, *args):
            pass

        def copyfile(self, source, destination):
            data = source.read()
            served["bytes"] += len(data)
            destination.write(data)

    servers = {}
    for name, directory in (("ours", SITE), ("pagefind", WORK)):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=directory))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers[name] = server
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else None)
    driver.set_script_timeout(120)

    def fetched(marker):
        return served["bytes"]

    lines = [l.rstrip("\n") for l in open(QUERIES, encoding="utf-8") if l.strip()]
    rows = []
    try:
        for engine in ("ours", "pagefind"):
            base = f"http://127.0.0.1:{servers[engine].server_address[1]}"
            current = None
            for line in lines:
                english = line.startswith("en:")
                query = (line[3:] if english else line).strip()
                if engine == "ours":
                    page = "/en/search/" if english else "/search/"
                    if current != page:
                        driver.get(base + page)
                        current = page
                        while not driver.execute_script("return !document.getElementById('search-input').disabled"):
                            time.sleep(0.05)
                    before = fetched("/index/")
                    result = driver.execute_async_script("""
                        var done = arguments[arguments.length - 1], query = arguments[0];
                        var box = document.getElementById('search-input'), root = document.getElementById('search');
                        box.value = query; box.form.requestSubmit();
                        (function wait() { if (root.getAttribute('data-done') === query) done([+root.getAttribute('data-ms'), +root.getAttribute('data-results')]); else setTimeout(wait, 5); })();
                    """, query)
                    ms, count = result
                    size = fetched("/index/") - before
                else:
                    lang = "en" if english else "zh"
                    if current != lang:
                        driver.get(base + "/blank.html")
                        driver.execute_async_script("""
                            var done = arguments[arguments.length - 1];
                            document.documentElement.lang = arguments[0];
                            import('/pagefind/pagefind.js').then(function (pf) { window.pf = pf; return pf.init(); }).then(function () { done(true); });
                        """, lang)
                        current = lang
                    before = fetched("/pagefind/")
                    ms, count = driver.execute_async_script("""
                        var done = arguments[arguments.length - 1], t = performance.now();
                        window.pf.search(arguments[0]).then(function (s) {
                          return Promise.all(s.results.slice(0, 10).map(function (r) { return r.data(); })).then(function () {
                            done([performance.now() - t, s.results.length]);
                          });
                        });
                    """, pagefind_query(query))
                    size = fetched("/pagefind/") - before
                rows.append((engine, line, ms, size, count))
    finally:
        driver.quit()
    truths = {line: truth(languages["en" if line.startswith("en:") else "zh"], (line[3:] if line.startswith("en:") else line).strip()) for line in lines}
    print(f"{'query':<22} {'true':>6} | {'ours: found':>11} {'ms':>5} {'KB':>6} | {'pagefind: found':>15} {'ms':>5} {'KB':>6}")
    by = {(e, l): (ms, size, count) for e, l, ms, size, count in rows}
    for line in lines:
        o, p = by[("ours", line)], by[("pagefind", line)]
        print(f"{line:<22} {truths[line]:>6} | {o[2]:>11} {o[0]:>5.0f} {o[1] / 1024:>6.1f} | {p[2]:>15} {p[0]:>5.0f} {p[1] / 1024:>6.1f}")
    for engine in ("ours", "pagefind"):
        later = [by[(engine, l)] for l in lines[1:]]
        recall = sum(min(by[(engine, l)][2], truths[l]) for l in lines) / max(1, sum(truths.values()))
        exact = sum(1 for l in lines if by[(engine, l)][2] == truths[l])
        print(f"{engine}: {exact} of {len(lines)} queries with exactly the true number of results, recall ≥ {recall:.1%}; "
              f"after the first query median {statistics.median(r[0] for r in later):.0f} ms, max {max(r[0] for r in later):.0f} ms, "
              f"median {statistics.median(r[1] for r in later) / 1024:.1f} KB fetched")
    print(f"index: ours {ours_bytes / 1e6:.1f} MB in {len(ours)} files ({ours_bytes / page_count / 1024:.2f} KB per page); "
          f"pagefind {pagefind_bytes / 1e6:.1f} MB in {pagefind_files} files ({pagefind_bytes / page_count / 1024:.2f} KB per page, "
          f"gzip-compressed), indexed in {pagefind_seconds:.1f} s; {page_count} pages")

main()
