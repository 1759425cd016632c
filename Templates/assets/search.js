// Site search over the index that gen-site writes beside each search page
// (index/manifest.js, p<n>.js, q<n>.js, d<n>.js; docs/search.md). No
// server, no request outside the site: the index files are scripts that
// hand their data to genSiteSearch.add, so they load from plain files too.
//
// What a query finds: every page whose text holds it. A run of Chinese
// characters (or other characters that are not letters or digits of a
// Latin script) is matched as it is written, anywhere in the text; a word
// is matched whole, case-insensitively, with simple plural stemming; a
// query of several parts finds the pages that hold all of them. The rules
// are those of Sources/SiteRender/Search/SearchCharacters.swift, by which
// the index is made. Results are built with textContent only.
(function (global) {
  "use strict";

  // ---- Characters: fold, classify, stem (as SearchCharacters.swift) ----

  function fold(c) {
    if (c >= 0x41 && c <= 0x5a) return c + 0x20;
    if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 0x20;
    if (c >= 0xff10 && c <= 0xff19) return c - 0xff10 + 0x30;
    if (c >= 0xff21 && c <= 0xff3a) return c - 0xff21 + 0x61;
    if (c >= 0xff41 && c <= 0xff5a) return c - 0xff41 + 0x61;
    return c;
  }

  var SEPARATOR = 0, WORD = 1, CHARACTER = 2;

  function kind(c) {
    if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) ? WORD : SEPARATOR;
    if (c <= 0xbf || c === 0xd7 || c === 0xf7) return SEPARATOR;
    if (c <= 0x24f || (c >= 0x370 && c <= 0x4ff)) return WORD;
    if (c === 0x1680 || (c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) ||
        (c >= 0x205f && c <= 0x2064) || c === 0x3000 || c === 0xfeff || (c >= 0xd800 && c <= 0xdfff)) return SEPARATOR;
    return CHARACTER;
  }

  function stem(word) {
    var n = word.length;
    if (/sses$/.test(word) || /ies$/.test(word)) return word.slice(0, n - 2);
    if (/ss$/.test(word)) return word;
    if (/s$/.test(word) && Array.from(word).length >= 3) return word.slice(0, n - 1);
    return word;
  }

  // The parts of a query: {chars: [c, …]} for a run of indexed characters,
  // {word: stem} for a word; repeated parts once.
  function parse(query) {
    var parts = [], seen = {}, run = [], word = "";
    function endRun() {
      if (run.length && !seen["c" + run.join("")]) { seen["c" + run.join("")] = 1; parts.push({ chars: run, text: run.join("") }); }
      run = [];
    }
    function endWord() {
      if (word) { var s = stem(word); if (!seen["w" + s]) { seen["w" + s] = 1; parts.push({ word: s, text: word }); } }
      word = "";
    }
    for (var ch of String(query)) {
      var c = fold(ch.codePointAt(0)), k = kind(c), folded = String.fromCodePoint(c);
      if (k === CHARACTER) { endWord(); run.push(folded); }
      else if (k === WORD) { endRun(); word += folded; }
      else { endRun(); endWord(); }
    }
    endRun(); endWord();
    return parts;
  }

  // The index tokens a part needs: the character or pair itself, or for three
  // characters and more the pairs at offsets 0, 2, 4, … and the last pair,
  // which together cover it and whose positions prove it is there.
  function tokensOf(part) {
    if (part.word !== undefined) return [{ token: part.word, offset: 0 }];
    var c = part.chars, n = c.length;
    if (n === 1) return [{ token: c[0], offset: 0 }];
    if (n === 2) return [{ token: c[0] + c[1], offset: 0 }];
    var tokens = [];
    for (var o = 0; o <= n - 2; o += 2) tokens.push({ token: c[o] + c[o + 1], offset: o, positions: true });
    if (tokens[tokens.length - 1].offset !== n - 2) tokens.push({ token: c[n - 2] + c[n - 1], offset: n - 2, positions: true });
    return tokens;
  }

  // ---- The index's encoding (as SearchEncoding.swift) ----

  var DIGITS = {};
  "0123456789ABCDEFGHIJKLMNOPQRSTUV".split("").forEach(function (d, i) { DIGITS[d.charCodeAt(0)] = i; });
  "WXYZabcdefghijklmnopqrstuvwxyz-_".split("").forEach(function (d, i) { DIGITS[d.charCodeAt(0)] = 32 + i; });

  function Numbers(text) { this.text = text || ""; this.at = 0; }
  Numbers.prototype.more = function () { return this.at < this.text.length; };
  Numbers.prototype.next = function () {
    var value = 0, scale = 1;
    while (this.at < this.text.length) {
      var d = DIGITS[this.text.charCodeAt(this.at++)];
      if (d === undefined) throw new Error("search index: bad digit");
      if (d < 32) return value + d * scale;
      value += (d - 32) * scale;
      scale *= 32;
    }
    throw new Error("search index: number cut short");
  };

  function decodeNumbers(text) {
    var reader = new Numbers(text), out = [];
    while (reader.more()) out.push(reader.next());
    return out;
  }

  function hash(token) {
    var h = 0x811c9dc5;
    for (var i = 0; i < token.length; i++) { h ^= token.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    return h >>> 0;
  }

  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  // Pages of a posting string: Map id → fields mask (1 title, 2 headings, 4 body).
  function postings(text) {
    var reader = new Numbers(text), pages = new Map(), id = 0;
    while (reader.more()) { var v = reader.next(); id += Math.floor(v / 8); pages.set(id, v % 8); }
    return pages;
  }

  // The same with positions: Map id → [title, headings, body] arrays of positions (or null).
  function positioned(text, positionsText) {
    var reader = new Numbers(text), at = new Numbers(positionsText), pages = new Map(), id = 0;
    while (reader.more()) {
      var v = reader.next(), mask = v % 8, fields = [null, null, null];
      id += Math.floor(v / 8);
      for (var f = 0; f < 3; f++) {
        if (!(mask & (1 << f))) continue;
        var count = at.next(), list = new Array(count), p = 0;
        for (var i = 0; i < count; i++) { p += at.next(); list[i] = p; }
        fields[f] = list;
      }
      pages.set(id, fields);
    }
    return pages;
  }

  function levelOfMask(mask) { return mask & 1 ? 2 : mask & 2 ? 1 : 0; }

  // ---- The engine: load(name) resolves once the file `name` has been added ----

  function Engine(load) {
    this.load = load;
    this.files = new Map();
  }

  Engine.prototype.file = function (name) {
    var files = this.files;
    if (!files.has(name)) {
      var loading = this.load(name);
      loading.catch(function () { files.delete(name); });
      files.set(name, loading);
    }
    return files.get(name);
  };

  Engine.prototype.manifest = function () {
    var self = this;
    return this.file("manifest").then(function (m) {
      if (!self.chunkStarts) {
        var starts = [], at = 0;
        decodeNumbers(m.chunks).forEach(function (d) { at += d; starts.push(at); });
        self.chunkStarts = starts;
        // Each page's kind, for the order of equal scores (runs of kind, length).
        var kinds = new Uint8Array(m.pages), runs = decodeNumbers(m.kinds), page = 0;
        for (var i = 0; i + 1 < runs.length; i += 2) { kinds.fill(runs[i], page, page + runs[i + 1]); page += runs[i + 1]; }
        self.kinds = kinds;
      }
      return m;
    });
  };

  // Resolves to {parts, ids}: the matching pages, best first.
  Engine.prototype.search = function (query) {
    var self = this, parts = parse(query);
    if (!parts.length) return Promise.resolve({ parts: parts, ids: [] });
    return this.manifest().then(function (m) {
      var loads = [];
      parts.forEach(function (part) {
        part.tokens = tokensOf(part);
        part.tokens.forEach(function (t) {
          var shard = hash(t.token) % m.shards;
          loads.push(self.file("p" + shard).then(function (data) { t.postings = own(data, t.token) ? data[t.token] : null; }));
          if (t.positions) loads.push(self.file("q" + shard).then(function (data) { t.at = own(data, t.token) ? data[t.token] : ""; }));
        });
      });
      return Promise.all(loads).then(function () {
        var scores = null;
        for (var i = 0; i < parts.length; i++) {
          var levels = matchPart(parts[i], scores);
          var next = new Map();
          levels.forEach(function (level, id) {
            if (scores && !scores.has(id)) return;
            next.set(id, (scores ? scores.get(id) : 0) + [1, 10, 100][level]);
          });
          scores = next;
          if (!scores.size) break;
        }
        var ids = Array.from(scores.keys()), kinds = self.kinds;
        ids.sort(function (a, b) { return scores.get(b) - scores.get(a) || kinds[a] - kinds[b] || a - b; });
        return { parts: parts, ids: ids };
      });
    });
  };

  // Map id → best level (2 title, 1 headings, 0 body) of the pages that hold the part.
  function matchPart(part, within) {
    var levels = new Map(), tokens = part.tokens;
    if (tokens.some(function (t) { return t.postings === null; })) return levels;
    if (!tokens[0].positions) {
      postings(tokens[0].postings).forEach(function (mask, id) { if (!within || within.has(id)) levels.set(id, levelOfMask(mask)); });
      return levels;
    }
    var lists = tokens.map(function (t) { return positioned(t.postings, t.at); });
    lists[0].forEach(function (fields, id) {
      if (within && !within.has(id)) return;
      var others = [];
      for (var k = 1; k < lists.length; k++) { var o = lists[k].get(id); if (!o) return; others.push(o); }
      for (var f = 0; f < 3; f++) {
        if (!fields[f] || others.some(function (o) { return !o[f]; })) continue;
        var sets = others.map(function (o) { return new Set(o[f]); });
        var found = fields[f].some(function (p) {
          return sets.every(function (set, k) { return set.has(p + tokens[k + 1].offset); });
        });
        if (found) { levels.set(id, 2 - f); return; }
      }
    });
    return levels;
  }

  // Resolves to the pages' [path, title, plan, text] in the order of `ids`.
  Engine.prototype.documents = function (ids) {
    var self = this;
    return this.manifest().then(function () {
      return Promise.all(ids.map(function (id) {
        var starts = self.chunkStarts, lo = 0, hi = starts.length - 2;
        while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (starts[mid] <= id) lo = mid; else hi = mid - 1; }
        return self.file("d" + lo).then(function (chunk) { return chunk[id - starts[lo]]; });
      }));
    });
  };

  // ---- Excerpts: the text around the first hit, the hits marked ----

  var END_PUNCTUATION = /[。！？；：，、…”’）》」』】.!?;:,)]$/;

  // Where the parts occur in `text`: [[start, end], …] in UTF-16 units, sorted.
  function hits(text, parts) {
    var folded = "", ranges = [];
    for (var i = 0; i < text.length; i++) folded += String.fromCharCode(fold(text.charCodeAt(i)));
    parts.forEach(function (part) {
      if (part.chars) {
        var needle = part.chars.join(""), at = folded.indexOf(needle);
        while (at >= 0) { ranges.push([at, at + needle.length]); at = folded.indexOf(needle, at + needle.length); }
      }
    });
    var words = parts.filter(function (p) { return p.word !== undefined; }).map(function (p) { return p.word; });
    if (words.length) {
      var start = -1;
      for (var j = 0; j <= folded.length; j++) {
        var c = j < folded.length ? folded.codePointAt(j) : 0x20, isWord = kind(c) === WORD;
        if (isWord && start < 0) start = j;
        if (!isWord && start >= 0) {
          if (words.indexOf(stem(folded.slice(start, j))) >= 0) ranges.push([start, j]);
          start = -1;
        }
        if (c > 0xffff) j++;
      }
    }
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push(r.slice());
    });
    return merged;
  }

  // [{text, mark}] pieces of the excerpt, blocks joined with the language's punctuation.
  function excerpt(text, parts, language) {
    var zh = language !== "en", before = zh ? 24 : 60, after = zh ? 76 : 180;
    var all = hits(text, parts), first = all.length ? all[0][0] : 0;
    var start = Math.max(0, first - before), end = Math.min(text.length, first + after);
    if (!zh) {
      if (start > 0) { var space = text.lastIndexOf(" ", start); if (space > first - before - 20 && space >= 0) start = space + 1; }
      if (end < text.length) { var next = text.indexOf(" ", end); if (next >= 0 && next < end + 20) end = next; }
    }
    if (start > 0 && /[\udc00-\udfff]/.test(text[start])) start--;
    if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1])) end++;
    var pieces = [], at = start, ellipsis = zh ? "……" : "…";
    function plain(s) {
      if (!s) return;
      var out = "";
      for (var i = 0; i < s.length; i++) {
        if (s[i] !== "\n") { out += s[i]; continue; }
        var prev = out || (pieces.length ? pieces[pieces.length - 1].text : "");
        out += END_PUNCTUATION.test(prev) ? (zh ? "" : " ") : (zh ? "。" : ". ");
      }
      pieces.push({ text: out, mark: false });
    }
    if (start > 0) pieces.push({ text: ellipsis, mark: false });
    all.forEach(function (r) {
      if (r[1] <= start || r[0] >= end) return;
      var s = Math.max(r[0], start), e = Math.min(r[1], end);
      plain(text.slice(at, s));
      pieces.push({ text: text.slice(s, e), mark: true });
      at = e;
    });
    plain(text.slice(at, end));
    if (end < text.length) pieces.push({ text: ellipsis, mark: false });
    return pieces;
  }

  var api = { fold: fold, kind: kind, stem: stem, parse: parse, tokensOf: tokensOf, hash: hash,
              decodeNumbers: decodeNumbers, Engine: Engine, hits: hits, excerpt: excerpt };
  if (typeof module === "object" && module.exports) { module.exports = api; return; }

  // ---- The page ----

  var document = global.document;
  var root = document.getElementById("search");
  if (!root) return;
  var input = document.getElementById("search-input");
  var form = input.form;
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var pager = document.getElementById("search-pages");
  var prev = document.getElementById("search-prev");
  var next = document.getElementById("search-next");
  var pageNumber = document.getElementById("search-page-number");
  var nojs = document.getElementById("search-nojs");
  var PAGE_SIZE = 10;
  var language = root.getAttribute("data-lang");
  var siteRoot = root.getAttribute("data-root") || "";
  var indexPath = root.getAttribute("data-index");
  var fromDisk = global.location.protocol === "file:";
  if (nojs) nojs.hidden = true;

  function say(key, values) {
    var text = root.getAttribute("data-" + key) || "";
    Object.keys(values || {}).forEach(function (k) { text = text.split("{" + k + "}").join(String(values[k])); });
    return text;
  }

  function unavailable(key) {
    status.textContent = say(key);
    if (nojs) nojs.hidden = false;
  }

  if (!indexPath) { unavailable("unavailable"); return; }
  var folder = indexPath.slice(0, indexPath.lastIndexOf("/") + 1);

  // Each index file is a script calling genSiteSearch.add(name, data).
  var waiting = new Map();
  global.genSiteSearch = {
    add: function (name, data) {
      var w = waiting.get(name);
      if (w) { waiting.delete(name); w.resolve(data); }
    }
  };
  function load(name) {
    return new Promise(function (resolve, reject) {
      waiting.set(name, { resolve: resolve });
      var script = document.createElement("script");
      script.src = folder + name + ".js";
      script.async = true;
      script.onload = function () {
        script.remove();
        if (waiting.has(name)) { waiting.delete(name); reject(new Error("search index: " + name + " gave no data")); }
      };
      script.onerror = function () { script.remove(); waiting.delete(name); reject(new Error("search index: cannot load " + name)); };
      document.head.appendChild(script);
    });
  }

  var engine = new Engine(load);
  var serial = 0, current = null, timer = 0;

  function fill(parent, children) {   // replaceChildren, for browsers from before 2020 too
    while (parent.firstChild) parent.removeChild(parent.firstChild);
    children.forEach(function (child) { parent.appendChild(child); });
  }

  function href(path) {
    var link = siteRoot + path;
    if (fromDisk && (link === "" || /\/$/.test(link))) link += "index.html";
    return link || "./";
  }

  function remember(query, page) {
    try {
      var url = query ? "?q=" + encodeURIComponent(query) + (page > 0 ? "&page=" + (page + 1) : "") : global.location.pathname;
      global.history.replaceState(null, "", url);
    } catch (e) { /* a page opened from disk may not change its address */ }
  }

  function show(result, page, started, focus) {
    var ids = result.ids, pages = Math.max(1, Math.ceil(ids.length / PAGE_SIZE));
    page = Math.min(Math.max(page, 0), pages - 1);
    var shown = ids.slice(page * PAGE_SIZE, page * PAGE_SIZE + PAGE_SIZE), mine = serial;
    return engine.documents(shown).then(function (docs) {
      if (mine !== serial) return;
      current = { result: result, page: page };
      var items = docs.map(function (doc) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = href(doc[0]);
        var title = document.createElement("span");
        title.className = "result-title";
        title.textContent = doc[1] || doc[0] || "/";
        a.appendChild(title);
        if (doc[2]) {
          var plan = document.createElement("span");
          plan.className = "result-plan";
          plan.textContent = " · " + doc[2];
          a.appendChild(plan);
        }
        li.appendChild(a);
        var p = document.createElement("p");
        excerpt(doc[3] || "", result.parts, language).forEach(function (piece) {
          if (piece.mark) { var m = document.createElement("mark"); m.textContent = piece.text; p.appendChild(m); }
          else p.appendChild(document.createTextNode(piece.text));
        });
        li.appendChild(p);
        return li;
      });
      fill(list, items);
      list.start = page * PAGE_SIZE + 1;
      pager.hidden = pages < 2;
      prev.hidden = page === 0;
      next.hidden = page >= pages - 1;
      pageNumber.textContent = say("page", { page: page + 1, pages: pages });
      if (!ids.length) status.textContent = say("no-results");
      else if (pages < 2) status.textContent = ids.length === 1 ? say("count-one") : say("count", { n: ids.length });
      else status.textContent = say("showing", { n: ids.length, from: page * PAGE_SIZE + 1, to: page * PAGE_SIZE + shown.length });
      root.setAttribute("data-done", result.query);
      root.setAttribute("data-results", String(ids.length));
      root.setAttribute("data-ms", String(Math.round(performance.now() - started)));
      if (focus) list.focus();
    });
  }

  function run(page) {
    clearTimeout(timer);
    var query = input.value.trim(), mine = ++serial, started = performance.now();
    remember(query, page || 0);
    if (!query) {
      fill(list, []); pager.hidden = true; status.textContent = "";
      root.setAttribute("data-done", ""); current = null;
      return;
    }
    var slow = setTimeout(function () { if (mine === serial) status.textContent = say("searching"); }, 400);
    engine.search(query).then(function (result) {
      if (mine !== serial) return;
      result.query = query;
      return show(result, page || 0, started, false);
    }).catch(function () {
      if (mine === serial) unavailable("failed");
    }).then(function () { clearTimeout(slow); });
  }

  function turn(delta) {
    if (!current) return;
    var page = current.page + delta, started = performance.now();
    serial++;
    remember(current.result.query, page);
    show(current.result, page, started, true);
  }

  engine.manifest().then(function () {
    input.disabled = false;
    input.addEventListener("input", function (event) {
      if (event.isComposing) return;   // an input method is still composing (pinyin): wait for the characters
      clearTimeout(timer);
      timer = setTimeout(function () { run(0); }, 120);
    });
    input.addEventListener("compositionend", function () { clearTimeout(timer); timer = setTimeout(function () { run(0); }, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); run(0); });
    prev.addEventListener("click", function () { turn(-1); });
    next.addEventListener("click", function () { turn(1); });
    var params = new URLSearchParams(global.location.search), initial = params.get("q");
    if (initial) {
      input.value = initial;
      run(Math.max(0, (parseInt(params.get("page"), 10) || 1) - 1));
    }
  }).catch(function () { unavailable("failed"); });
})(this);
