// Search with Pagefind's index (pagefind/pagefind.js, written by gen-site
// build when Pagefind is installed). Results are built with textContent only;
// Pagefind's <mark> highlights are turned into <mark> elements, never parsed
// as HTML. ?q=… in the address runs a search on load.
(function () {
  "use strict";
  var root = document.getElementById("search");
  if (!root) return;
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var nojs = document.getElementById("search-nojs");
  if (nojs) nojs.hidden = true;

  function excerpt(parent, text) {
    var parts = String(text).split(/(<mark>|<\/mark>)/);
    var marked = false;
    parts.forEach(function (part) {
      if (part === "<mark>") { marked = true; return; }
      if (part === "</mark>") { marked = false; return; }
      var plain = part.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#39;/g, "'").replace(/&amp;/g, "&");
      if (!plain) return;
      if (marked) { var m = document.createElement("mark"); m.textContent = plain; parent.appendChild(m); }
      else parent.appendChild(document.createTextNode(plain));
    });
  }

  var bundle = root.getAttribute("data-pagefind");
  if (!bundle) {
    // Built without a search index (Pagefind not installed): say so, keep the links.
    status.textContent = root.getAttribute("data-unavailable");
    if (nojs) nojs.hidden = false;
    return;
  }
  import(bundle).then(function (pagefind) {
    input.disabled = false;
    var serial = 0;
    function run() {
      var query = input.value.trim();
      var mine = ++serial;
      if (!query) { list.replaceChildren(); status.textContent = ""; return; }
      pagefind.debouncedSearch(query, {}, 200).then(function (search) {
        if (!search || mine !== serial) return;
        return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); })).then(function (items) {
          if (mine !== serial) return;
          list.replaceChildren();
          items.forEach(function (item) {
            var li = document.createElement("li");
            var a = document.createElement("a");
            a.href = item.url;
            a.textContent = (item.meta && item.meta.title) || item.url;
            var p = document.createElement("p");
            excerpt(p, item.excerpt || "");
            li.appendChild(a);
            li.appendChild(p);
            list.appendChild(li);
          });
          status.textContent = items.length ? root.getAttribute("data-count").replace("{n}", String(search.results.length))
                                            : root.getAttribute("data-no-results");
        });
      });
    }
    input.addEventListener("input", run);
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) { input.value = initial; run(); }
  }).catch(function () {
    status.textContent = root.getAttribute("data-unavailable");
    if (nojs) nojs.hidden = false;
  });
})();
