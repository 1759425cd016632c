// Progressive enhancement only: remembers the large-text / high-contrast
// choice between pages. Without JavaScript the switch still works on each page.
(function () {
  [["large-text", "gen-site-large-text"], ["larger-text", "gen-site-larger-text"]].forEach(function (pair) {
    var box = document.getElementById(pair[0]);
    if (!box) return;
    try {
      if (window.localStorage.getItem(pair[1]) === "1") box.checked = true;
      box.addEventListener("change", function () {
        window.localStorage.setItem(pair[1], box.checked ? "1" : "0");
      });
    } catch (e) { /* storage blocked: the switch still works on this page */ }
  });
})();

// On paper, a link in the text is followed by its address (the print stylesheet prints
// data-print-url): a link within the site gets its full address here, as the browser resolves it.
window.addEventListener("beforeprint", function () {
  var links = document.querySelectorAll(".plan-text a[href], .cover-letter a[href]");
  for (var i = 0; i < links.length; i++) {
    var href = links[i].getAttribute("href") || "";
    if (href.charAt(0) === "#" || /^(https?|tel|mailto):/i.test(href) || links[i].hasAttribute("data-print-url")) continue;
    links[i].setAttribute("data-print-url", links[i].href);
  }
});

// Live reload under `gen-site serve` only: the preview server marks its
// responses with a Server-Timing entry "gen-site-serve" and answers
// /__gen-site/version. Any other server (a published site) never polls.
(function () {
  var entries = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation") : [];
  var timing = entries.length && entries[0].serverTiming ? entries[0].serverTiming : [];
  var served = false;
  for (var i = 0; i < timing.length; i++) if (timing[i].name === "gen-site-serve") served = true;
  if (!served) return;
  var seen = null;
  function poll() {
    // The version at which this page last changed: a save that does not touch it does not reload it.
    fetch("/__gen-site/version?page=" + encodeURIComponent(window.location.pathname), { cache: "no-store" }).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (version) {
      if (version === null) return;
      if (seen !== null && version !== seen) { window.location.reload(); return; }
      seen = version;
      window.setTimeout(poll, 500);
    }).catch(function () { window.setTimeout(poll, 2000); });
  }
  poll();
})();
