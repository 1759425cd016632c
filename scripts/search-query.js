#!/usr/bin/env node
// Runs queries against a built site's search index with the site's own
// search script (SITE/assets/search.js, the code the search page runs), in
// Node instead of a browser. Prints one JSON object mapping each query line,
// exactly as written, to the list of every result's URL in ranked order
// (site-absolute, like scripts/search-check.sh --json). A line starting
// "en:" searches the English pages.
//
//   node scripts/search-query.js SITE --queries FILE
//   node scripts/search-query.js SITE 燃气 "en:fire"
//
// --details adds each result's title, plan and excerpt (with [hits] marked).
"use strict";
const fs = require("fs");
const path = require("path");

const args = process.argv.slice(2);
if (!args.length || args[0].startsWith("-")) {
  process.stderr.write("usage: search-query.js SITE [--queries FILE] [--details] [QUERY…]\n");
  process.exit(2);
}
const site = args.shift();
let lines = [], details = false;
while (args.length) {
  const arg = args.shift();
  if (arg === "--queries") lines = lines.concat(fs.readFileSync(args.shift(), "utf8").split("\n").filter((l) => l.length));
  else if (arg === "--details") details = true;
  else lines.push(arg);
}

const search = require(path.resolve(site, "assets/search.js"));

function engineFor(folder) {
  return new search.Engine((name) => new Promise((resolve, reject) => {
    fs.readFile(path.join(folder, name + ".js"), "utf8", (error, source) => {
      if (error) return reject(error);
      let data, added = false;
      new Function("genSiteSearch", source)({ add: (n, d) => { if (n === name) { data = d; added = true; } } });
      added ? resolve(data) : reject(new Error(name + " gave no data"));
    });
  }));
}

const engines = { zh: engineFor(path.join(site, "search/index")), en: engineFor(path.join(site, "en/search/index")) };

(async () => {
  const out = {};
  for (const line of lines) {
    const english = line.startsWith("en:");
    const query = (english ? line.slice(3) : line).trim();
    const engine = engines[english ? "en" : "zh"];
    const result = await engine.search(query);
    const docs = await engine.documents(result.ids);
    out[line] = docs.map((doc) => {
      const url = "/" + doc[0];
      if (!details) return url;
      const excerpt = search.excerpt(doc[3], result.parts, english ? "en" : "zh")
        .map((p) => (p.mark ? "[" + p.text + "]" : p.text)).join("");
      return { url, title: doc[1], plan: doc[2], excerpt };
    });
  }
  process.stdout.write(JSON.stringify(out, null, 1) + "\n");
})().catch((error) => { process.stderr.write("search-query: " + error.stack + "\n"); process.exit(1); });
