#!/usr/bin/env python3
"""Measures, in headless Chromium, whether any page scrolls sideways.

    page-widths.py SITE PATH... [--widths 320,390,1280]

For every page PATH (relative to the built SITE folder, e.g. `plans/putuo-2022/`), at every
width, in the three text sizes (normal, large ×1.25, larger ×1.5: the header's switches
#large-text and #larger-text), it loads the page and compares the document's scrollWidth with
the viewport's width (clientWidth). Prints one line per measurement:

    ok   390 large  plans/putuo-2022/  390/390
    WIDE 320 larger en/plans/putuo-2022/progress/  412/320  widest: table.status-table

and exits 1 when any page is wider than its viewport, or draws a chart label (SVG text) smaller
than 12 CSS px (its font size times the SVG's scale on screen; TINY lines). Uses Selenium with Debian's chromium and
chromedriver (installed by ../shared/tools/install-audit-deps.sh); file:// URLs, no server.
"""
import json
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

MEASURE = """
const modes = arguments[0];
for (const id of ['large-text', 'larger-text']) {
  const box = document.getElementById(id);
  if (box) box.checked = modes.indexOf(id) >= 0;
}
void document.body.offsetWidth;
const root = document.documentElement;
let widest = null, right = 0;
if (root.scrollWidth > root.clientWidth) {
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.right > right && r.width > 0) {
      let inScroller = false;
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === 'auto' || o === 'scroll' || o === 'hidden') { inScroller = true; break; }
      }
      if (!inScroller) { right = r.right; widest = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''); }
    }
  }
}
// The smallest chart label, as drawn: its font size times the SVG's scale on screen.
let smallest = null;
for (const t of document.querySelectorAll('svg text')) {
  const ctm = t.getScreenCTM();
  const size = parseFloat(getComputedStyle(t).fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 1);
  if (t.getBoundingClientRect().width > 0 && (smallest === null || size < smallest)) smallest = size;
}
return [root.scrollWidth, root.clientWidth, widest, smallest];
"""


def main(argv):
    widths = [320, 390, 1280]
    args = []
    i = 0
    while i < len(argv):
        if argv[i] == "--widths":
            widths = [int(w) for w in argv[i + 1].split(",")]
            i += 2
        else:
            args.append(argv[i])
            i += 1
    site, paths = os.path.abspath(args[0]), args[1:]
    options = Options()
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1"]:
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    wide = tiny = 0
    try:
        for width in widths:
            driver.set_window_size(width, 900)
            # The window's outer size includes no chrome in headless mode; check the viewport.
            inner = driver.execute_script("return window.innerWidth")
            if inner != width:
                driver.set_window_size(width + (width - inner), 900)
            for path in paths:
                target = os.path.join(site, path)
                if target.endswith("/"):
                    target += "index.html"
                driver.get("file://" + target)
                for mode, ids in [("normal", []), ("large", ["large-text"]), ("larger", ["larger-text"])]:
                    scroll, client, widest, smallest = driver.execute_script(MEASURE, ids)
                    bad = scroll > client
                    small = smallest is not None and smallest < 12 - 0.01
                    wide += bad
                    tiny += small
                    label = "WIDE" if bad else ("TINY" if small else "ok  ")
                    print(f"{label} {width:4} {mode:6} {path}  {scroll}/{client}" + (f"  widest: {widest}" if bad else "")
                          + (f"  smallest chart label: {smallest:.1f} px" if smallest is not None else ""))
    finally:
        driver.quit()
    print(json.dumps({"measured": len(widths) * len(paths) * 3, "wide": wide, "tiny_labels": tiny}))
    return 1 if wide or tiny else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
