#!/usr/bin/env python3
"""How close `gen-site import` gets to the hand-made example content.

Imports each seed (/work/shared/seeds/<id>.txt, or Tests/Fixtures/seeds/) with
`--id <id>` into a scratch content folder, builds it and the example content
(`content/`), and compares, per plan:

- plan.md's body: the share of the hand-made body's non-blank lines that the
  import wrote identically (as a multiset, and in order), and the headings;
- tasks.yaml: the number of tasks, and per task (matched by `no`) whether the
  Chinese title, the leaders and the lead / responsible / cooperating units are
  equal. Units are compared by their Chinese names, resolved through each
  side's units.yaml (from the built site's /data/tasks.json), strictly (the
  same `name`), and as written (the imported name is the hand-made unit's name,
  short name or one of its aliases).

Usage: scripts/import-fidelity.py [--gen-site PATH] [--seeds DIR] [--verbose]
Standard library only.
"""

import argparse
import collections
import difflib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROLES = ("lead", "responsible", "cooperating")


def run(cmd):
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(cmd)}\n{result.stderr}{result.stdout}")
    return result.stdout


def body_lines(plan_md):
    """plan.md's body (after the front matter), its non-blank lines, right-stripped."""
    with open(plan_md, encoding="utf-8") as f:
        text = f.read()
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        text = text[end + 5:] if end >= 0 else text
    return [line.rstrip() for line in text.split("\n") if line.strip()]


def aliases(units_yaml):
    """unit id -> its aliases, read from units.yaml's `- id:` and `aliases: [...]` lines."""
    found = collections.defaultdict(list)
    current = None
    if not os.path.exists(units_yaml):
        return found
    with open(units_yaml, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^- id:\s*(\S+)", line)
            if m:
                current = m.group(1)
                continue
            m = re.match(r"^\s+aliases:\s*\[(.*)\]\s*$", line)
            if m and current:
                try:
                    found[current] = [str(a) for a in json.loads("[" + m.group(1) + "]")]
                except ValueError:
                    found[current] = [a.strip().strip("\"'") for a in m.group(1).split(",") if a.strip()]
    return found


def zh(text):
    if text is None:
        return None
    if isinstance(text, dict):
        return text.get("zh")
    return text


def site_data(content, out):
    """Builds `content` into `out` and returns (plans by id, units by id with their Chinese forms)."""
    run([GEN_SITE, "build", content, "-o", out, "--no-search-index"])
    with open(os.path.join(out, "data", "tasks.json"), encoding="utf-8") as f:
        data = json.load(f)
    extra = aliases(os.path.join(content, "units.yaml"))
    units = {}
    for unit in data.get("units", []):
        forms = {zh(unit.get("name")), zh(unit.get("short"))} | set(extra.get(unit["id"], []))
        units[unit["id"]] = {"name": zh(unit.get("name")), "forms": {f for f in forms if f}}
    return {plan["id"]: plan for plan in data["plans"]}, units


def compare_plan(pid, seed, hand_content, hand_plans, hand_units, verbose):
    scratch = tempfile.mkdtemp(prefix=f"fidelity-{pid}-")
    try:
        content = os.path.join(scratch, "content")
        os.makedirs(content)
        shutil.copy(os.path.join(hand_content, "site.yaml"), content)
        run([GEN_SITE, "import", seed, "--id", pid, "-o", content])
        imp_plans, imp_units = site_data(content, os.path.join(scratch, "public"))
        imp_plan, hand_plan = imp_plans[pid], hand_plans[pid]

        print(f"== {pid}")
        # plan.md's body.
        imp_body = body_lines(os.path.join(content, "plans", pid, "plan.md"))
        hand_body = body_lines(os.path.join(hand_content, "plans", pid, "plan.md"))
        common = sum((collections.Counter(imp_body) & collections.Counter(hand_body)).values())
        matcher = difflib.SequenceMatcher(a=hand_body, b=imp_body, autojunk=False)
        in_order = sum(block.size for block in matcher.get_matching_blocks())
        print(f"  plan.md body lines identical: {common}/{len(hand_body)} of the hand-made lines "
              f"({100 * common / max(len(hand_body), 1):.1f}%), in order {in_order}/{len(hand_body)} "
              f"({100 * in_order / max(len(hand_body), 1):.1f}%); the import wrote {len(imp_body)} lines")
        hand_headings = [l for l in hand_body if l.startswith("## ") or l.startswith("### ")]
        imp_headings = [l for l in imp_body if l.startswith("## ") or l.startswith("### ")]
        same_headings = sum((collections.Counter(hand_headings) & collections.Counter(imp_headings)).values())
        print(f"  headings (## and ###, with anchors) identical: {same_headings}/{len(hand_headings)} "
              f"(the import has {len(imp_headings)})")
        if verbose:
            for line in hand_headings:
                if line not in imp_headings:
                    print(f"    hand-made only: {line[:70]}")

        # tasks.yaml.
        imp_tasks = {t["no"]: t for t in imp_plan["tasks"]}
        hand_tasks = {t["no"]: t for t in hand_plan["tasks"]}
        print(f"  tasks: imported {len(imp_tasks)}, hand-made {len(hand_tasks)} "
              f"({'equal' if len(imp_tasks) == len(hand_tasks) else 'different'})"
              f"; numbers {'identical' if list(imp_tasks) == list(hand_tasks) else 'different'}")
        both = [no for no in hand_tasks if no in imp_tasks]
        counts = collections.Counter()
        rows = []
        for no in both:
            imp, hand = imp_tasks[no], hand_tasks[no]
            row = {"title": zh(imp["title"]) == zh(hand["title"]),
                   "leaders": [zh(x) for x in imp["leaders"]] == [zh(x) for x in hand["leaders"]]}
            for role in ROLES:
                imp_names = [imp_units[u]["name"] for u in imp[role] if u in imp_units]
                hand_ids = [u for u in hand[role] if u in hand_units]
                strict = sorted(imp_names) == sorted(hand_units[u]["name"] for u in hand_ids)
                # As written: each imported name is one of the forms of a distinct hand-made unit of that role.
                left = list(hand_ids)
                written = len(imp_names) == len(hand_ids)
                for name in imp_names:
                    match = next((u for u in left if name in hand_units[u]["forms"]), None)
                    if match is None:
                        written = False
                        break
                    left.remove(match)
                row[role] = strict
                row[role + "~"] = written
                row[role + "#"] = bool(hand_ids) or bool(imp_names)
            for key, value in row.items():
                counts[key] += bool(value)
            rows.append((no, row))
        n = len(both)
        print(f"  per task ({n} in both, by no): title {counts['title']}/{n}, leaders {counts['leaders']}/{n}")
        for role in ROLES:
            named = [r for _, r in rows if r[role + "#"]]
            print(f"    {role:<11} units equal: by name {counts[role]}/{n}, as written (name, short or alias) {counts[role + '~']}/{n}"
                  f"  [of the {len(named)} tasks that name any: by name {sum(r[role] for r in named)}, as written {sum(r[role + '~'] for r in named)}]")
        if verbose:
            print("    no     title leaders " + " ".join(f"{r[:4]}(~)" for r in ROLES))
            for no, row in rows:
                marks = " ".join(f"{'=' if row[r] else '≠'}({'=' if row[r + '~'] else '≠'}) " for r in ROLES)
                print(f"    {no:<6} {'=' if row['title'] else '≠':<5} {'=' if row['leaders'] else '≠':<7} {marks}")
        return {"lines": (common, len(hand_body)), "tasks": (len(imp_tasks), len(hand_tasks)), "counts": counts, "n": n, "rows": rows}
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main():
    global GEN_SITE
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gen-site", default=os.environ.get("GEN_SITE", os.path.join(ROOT, ".build-importer", "debug", "gen-site")))
    parser.add_argument("--seeds", default=None, help="folder of the seeds' .txt files")
    parser.add_argument("--verbose", "-v", action="store_true", help="per-task table and the headings that differ")
    args = parser.parse_args()
    GEN_SITE = args.gen_site
    if not os.access(GEN_SITE, os.X_OK):
        sys.exit(f"no gen-site binary at {GEN_SITE} (build it, or pass --gen-site)")
    seeds = args.seeds or next((d for d in ("/work/shared/seeds", os.path.join(ROOT, "Tests", "Fixtures", "seeds")) if os.path.isdir(d)), None)
    if seeds is None:
        sys.exit("no seeds folder (pass --seeds)")
    hand_content = os.path.join(ROOT, "content")
    scratch = tempfile.mkdtemp(prefix="fidelity-hand-")
    try:
        hand_plans, hand_units = site_data(hand_content, os.path.join(scratch, "public"))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    total = collections.Counter()
    lines = [0, 0]
    for pid in sorted(os.listdir(os.path.join(hand_content, "plans"))):
        seed = os.path.join(seeds, pid + ".txt")
        if not os.path.exists(seed):
            print(f"== {pid}: no seed {seed}")
            continue
        result = compare_plan(pid, seed, hand_content, hand_plans, hand_units, args.verbose)
        lines[0] += result["lines"][0]
        lines[1] += result["lines"][1]
        total.update(result["counts"])
        for role in ROLES:
            for _, r in result["rows"]:
                if r[role + "#"]:
                    total[role + " named"] += 1
                    total[role + " named="] += r[role]
                    total[role + " named~"] += r[role + "~"]
        total["n"] += result["n"]
        total["imported"] += result["tasks"][0]
        total["hand"] += result["tasks"][1]
    n = total["n"]
    print("== all plans")
    print(f"  plan.md body lines identical: {lines[0]}/{lines[1]} ({100 * lines[0] / max(lines[1], 1):.1f}%)")
    print(f"  tasks: imported {total['imported']}, hand-made {total['hand']}; title {total['title']}/{n}, leaders {total['leaders']}/{n}")
    for role in ROLES:
        named = total[role + " named"]
        print(f"    {role:<11} by name {total[role]}/{n}, as written {total[role + '~']}/{n}"
              f"  [of the {named} tasks that name any: by name {total[role + ' named=']}, as written {total[role + ' named~']}]")


GEN_SITE = ""

if __name__ == "__main__":
    main()
