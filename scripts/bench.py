#!/usr/bin/env python3
"""Benchmark (not a test): gen-site against Hugo on the same generated content.

Generates, deterministically, a bilingual content tree in gen-site's format —
plans with Chinese and English text, a tasks.yaml of 20–60 tasks each,
monthly progress reports, units, statistics — and the equivalent Hugo site:
the same data as Hugo content (a page per task with its units as taxonomy
terms, its due date, requirements, status and report history in front
matter; a section per plan with its metadata; term pages for the units),
data files (the reports, the statistics) and a theme written here that
renders the same pages as gen-site's default theme — the same chrome,
tables, counts, status bars and links, computed in Go templates — plus the
same feeds, sitemap, robots.txt and JSON data files. Then times full builds
of both, alternating, and prints the medians, pages per second, peak memory,
the output sizes of both (total, and the mean task, plan, progress and unit
page), and two floors measured on the same data: cmark-gfm alone over the
same Markdown, and writing the same bytes to the same number of files.

    BENCH_PAGES=20000 scripts/bench.py      (make bench; default 2000 pages)

The last line reads: bench: N pages, gen-site Xs, hugo Ys, ratio Z — medians of the rebuild
scenario (each tool writing over its previous output), Z = Hugo's time / gen-site's; the line
before it, `clean: …`, gives the same for builds into a removed output folder.
"""
import atexit, json, os, random, re, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAGES = int(os.environ.get("BENCH_PAGES", "2000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
WORK = os.environ.get("BENCH_DIR", os.path.join(ROOT, ".bench"))
GEN_SITE = os.environ.get("GEN_SITE", os.path.join(ROOT, ".build", "release", "gen-site"))

random.seed(42)
SEED_TEXT = open(os.path.join(ROOT, "Tests/Fixtures/seeds/putuo-2022.txt"), encoding="utf-8").read()
ZH_SENTENCES = [s + "。" for s in SEED_TEXT.replace("\n", "").split("。") if 20 < len(s) < 200]
EN_WORDS = ("work safety plan district town unit responsible hazard fire gas inspection rectification report "
            "committee emergency supervision enterprise risk prevention training campaign equipment construction "
            "traffic chemicals residents hotline task target progress review accident control measures").split()

def zh_paragraph(n=4):
    return "".join(random.choice(ZH_SENTENCES) for _ in range(n))

def en_paragraph(n=4):
    out = []
    for _ in range(n):
        words = [random.choice(EN_WORDS) for _ in range(random.randint(10, 22))]
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)

def body(language, chapters=4, sections=3, items=4):
    para = zh_paragraph if language == "zh" else en_paragraph
    out, n, s = [para(3)], 1, 1
    for c in range(1, chapters + 1):
        out.append(f"## {'一二三四五六七八九十'[c - 1]}、{'章' if language == 'zh' else 'Chapter'} {c} {{#part-{c}}}")
        for _ in range(sections):
            out.append(f"### （{s}）{'节' if language == 'zh' else 'Section'} {s} {{#section-{s}}}")
            out.append(para(2))
            for _ in range(items):
                out.append(f"{n}. {para(2)}")
                n += 1
            s += 1
    return "\n\n".join(out) + "\n"

def plan_count_for(pages):
    # Per plan and language: the plan page, its progress page and ~40 tasks → 42 pages; units add 2 × units.
    return max(1, round((pages / 2 - 60) / 45))

def yaml_value(value):
    """A value as YAML flow: strings JSON-quoted (a JSON string is a YAML double-quoted scalar), lists and maps inline."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(yaml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {yaml_value(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)

def front_matter(fields, body=""):
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{key}:")
            lines.extend(f"  - {yaml_value(v)}" for v in value)
        else:
            lines.append(f"{key}: {yaml_value(value)}")
    return "\n".join(lines) + "\n---\n" + (f"\n{body}" if body else "")

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

BUILD_DATE = "2025-06-30"
NAMES = {"zh": {"plan": "基准方案{}", "unit": "单位{}", "chapter": "第{}章", "task": "任务{}", "task_label": "任务 {}"},
         "en": {"plan": "Benchmark plan {}", "unit": "Unit {}", "chapter": "Chapter {}", "task": "Task {}",
                "task_label": "Task {}"}}

def generate():
    plans = plan_count_for(PAGES)
    units = max(10, plans)
    content = os.path.join(WORK, "content")
    hugo = os.path.join(WORK, "hugo")
    # The previous run's tree (some 150,000 files) is moved aside and deleted when the bench ends, not
    # before the timed runs: see `clean` in main for what a deletion costs the builds after it.
    if os.path.exists(WORK):
        old = f"{WORK}.old-{os.getpid()}"
        os.rename(WORK, old)
        atexit.register(shutil.rmtree, old, ignore_errors=True)
    os.makedirs(os.path.join(content, "plans"))
    os.makedirs(os.path.join(content, "statistics"))
    with open(os.path.join(content, "site.yaml"), "w") as f:
        f.write(f"title: {{zh: 基准站点, en: Benchmark site}}\nbase_url: https://bench.example.org/\nsample: true\nbuild_date: {BUILD_DATE}\n")
    with open(os.path.join(content, "units.yaml"), "w") as f:
        for u in range(units):
            f.write(f"- id: unit-{u}\n  name: {{zh: 单位{u}, en: Unit {u}}}\n  kind: government\n")
    categories = "sample: true\ncategories: [{id: road, name: 道路}, {id: fire, name: 火灾}]\nregions: [{id: a, name: 甲区}, {id: b, name: 乙区}]\n"
    with open(os.path.join(content, "statistics", "categories.yaml"), "w") as f:
        f.write(categories)
    accidents = "period,region,category,accidents,deaths,injuries,loss\n"
    for y in (2023, 2024):
        for m in range(1, 13):
            for r in "ab":
                for c in ("road", "fire"):
                    a = random.randint(1, 9)
                    accidents += f"{y}-{m:02d},{r},{c},{a},{random.randint(0, 1)},{random.randint(0, 5)},{a * 3.5}\n"
    with open(os.path.join(content, "statistics", "accidents.csv"), "w") as f:
        f.write(accidents)
    # Hugo: the same data, as content with front matter (tasks, plans, units as taxonomy terms), data files
    # (the progress reports, the statistics) and assets (the CSV). Hugo computes the statuses' counts,
    # the overdue flags and every table in its templates, as gen-site does in its renderer.
    write(os.path.join(hugo, "assets", "data", "accidents.csv"), accidents)
    write(os.path.join(hugo, "data", "statistics.yaml"), categories)
    # Plans in gen-site's order, newest issued first: Hugo's weight.
    rank = {p: i + 1 for i, p in enumerate(sorted(range(plans), key=lambda p: (-(1 + p % 28), f"plan-{p}")))}
    total_tasks = 0
    for p in range(plans):
        pid = f"plan-{p}"
        folder = os.path.join(content, "plans", pid)
        os.makedirs(os.path.join(folder, "progress"))
        tasks = random.randint(20, 60)
        total_tasks += tasks
        zh, en = body("zh"), body("en")
        issued = f"2024-01-{1 + p % 28:02d}"
        with open(os.path.join(folder, "plan.md"), "w") as f:
            f.write(f"---\nid: {pid}\ntitle: {{zh: 基准方案{p}, en: Benchmark plan {p}}}\ndoc_number: 基准〔2024〕{p}号\n"
                    f"issuer: unit-{p % units}\nissued: {issued}\nperiod: {{start: 2024-01-01, end: 2025-12-31}}\n"
                    f"level: town\nstatus: in_force\n---\n\n{zh}")
        with open(os.path.join(folder, "plan.en.md"), "w") as f:
            f.write(en)
        task_list = []
        with open(os.path.join(folder, "tasks.yaml"), "w") as f:
            f.write("groups:\n" + "".join(f"  - {{id: part-{c}, title: {{zh: 第{c}章, en: Chapter {c}}}}}\n" for c in range(1, 5)))
            f.write("tasks:\n")
            for t in range(1, tasks + 1):
                task = {"no": t, "group": 1 + t % 4, "responsible": [f"unit-{(p + t) % units}"],
                        "cooperating": [f"unit-{(p + 2 * t) % units}"],
                        "requirements": {"zh": zh_paragraph(1), "en": en_paragraph(1)}, "due": f"2025-{1 + t % 12:02d}-28"}
                task_list.append(task)
                f.write(f"  - no: {t}\n    group: part-{task['group']}\n    title: {{zh: 任务{t}, en: Task {t}}}\n"
                        f"    responsible: [{task['responsible'][0]}]\n    cooperating: [{task['cooperating'][0]}]\n"
                        f"    requirements: {{zh: \"{task['requirements']['zh']}\", en: \"{task['requirements']['en']}\"}}\n"
                        f"    due: {task['due']}\n")
        reports = []
        for m in range(1, 13):
            updates = []
            with open(os.path.join(folder, "progress", f"2024-{m:02d}.yaml"), "w") as f:
                f.write(f"as_of: 2024-{m:02d}-28\nupdates:\n")
                for t in random.sample(range(1, tasks + 1), min(tasks, 10)):
                    status = random.choice(['in_progress', 'done', 'delayed'])
                    percent = 100 if status == 'done' else random.randint(0, 99)
                    updates.append({"task": t, "status": status, "percent": percent})
                    f.write(f"  - {{task: {t}, status: {status}, percent: {percent}}}\n")
            reports.append({"period": f"2024-{m:02d}", "as_of": f"2024-{m:02d}-28", "updates": updates})
        # The reports as a Hugo data file, newest first (every report is before the build date).
        write(os.path.join(hugo, "data", "progress", f"{pid}.yaml"),
              "reports:\n" + "".join(f"  - {yaml_value(r)}\n" for r in reversed(reports)))
        # Each task's history (newest first) and status at the build date, derived as gen-site does.
        history = {t["no"]: [] for t in task_list}
        for report in reversed(reports):
            for update in report["updates"]:
                history[update["task"]].append({"period": report["period"], "as_of": report["as_of"],
                                                "status": update["status"], "percent": update["percent"]})
        for lang in ("zh", "en"):
            names = NAMES[lang]
            section = os.path.join(hugo, "content", lang, "plans", pid)
            write(os.path.join(section, "_index.md"), front_matter({
                "title": names["plan"].format(p), "layout": "plan", "weight": rank[p], "id": pid,
                "doc_number": f"基准〔2024〕{p}号", "issuer": f"unit-{p % units}", "issued": issued,
                "period": {"start": "2024-01-01", "end": "2025-12-31"}, "level": "town", "status": "in_force",
                "units": [f"unit-{p % units}"],
                "groups": [{"id": f"part-{c}", "title": names["chapter"].format(c)} for c in range(1, 5)],
            }, zh if lang == "zh" else en))
            write(os.path.join(section, "progress", "_index.md"), front_matter({
                "title": ("落实进度：" if lang == "zh" else "Progress: ") + names["plan"].format(p),
                "linkTitle": "落实进度" if lang == "zh" else "Progress", "layout": "progress"}))
            for task in task_list:
                t = task["no"]
                fields = {"title": names["task"].format(t), "linkTitle": names["task_label"].format(t), "weight": t, "no": t,
                          "plan_order": rank[p], "group": f"part-{task['group']}", "chapter": names["chapter"].format(task["group"]),
                          "responsible": task["responsible"], "cooperating": task["cooperating"],
                          "units": list(dict.fromkeys(task["responsible"] + task["cooperating"])), "due": task["due"]}
                entries = history[t]
                if entries:
                    fields.update({"status": entries[0]["status"], "percent": entries[0]["percent"], "as_of": entries[0]["as_of"],
                                   "history": entries})
                else:
                    fields["status"] = "not_started"
                # gen-site trims YAML scalars; so does Hugo's Markdown here.
                write(os.path.join(section, "tasks", f"{t}.md"), front_matter(fields, task["requirements"][lang].strip() + "\n"))
    for lang in ("zh", "en"):
        names, folder = NAMES[lang], os.path.join(hugo, "content", lang)
        zh = lang == "zh"
        write(os.path.join(folder, "_index.md"), front_matter({"title": "首页" if zh else "Home"}))
        write(os.path.join(folder, "plans", "_index.md"), front_matter({"title": "工作方案" if zh else "Plans"}))
        write(os.path.join(folder, "units", "_index.md"), front_matter({"title": "责任单位" if zh else "Units"}))
        for u in range(units):
            write(os.path.join(folder, "units", f"unit-{u}", "_index.md"),
                  front_matter({"title": names["unit"].format(u), "kind": "government"}))
        outputs = ["HTML", "TasksJSON", "ProgressJSON", "AccidentsJSON", "HazardsJSON"] if zh else ["HTML"]
        write(os.path.join(folder, "data", "_index.md"), front_matter({"title": "开放数据" if zh else "Open data", "outputs": outputs}))
        for name, title_zh, title_en in (
                ("statistics", "生产安全事故统计", "Accident statistics"), ("report", "如何举报安全隐患", "How to report a safety hazard"),
                ("search", "站内搜索", "Search"), ("notices", "通知公告", "Notices"),
                ("hazards", "挂牌督办重大事故隐患", "Major hazards under listed supervision"),
                ("translation-status", "翻译进度", "Translation status")):
            write(os.path.join(folder, f"{name}.md"), front_matter({"title": title_zh if zh else title_en, "layout": name}))
    write_hugo_theme(hugo)
    return plans, units, total_tasks

# The interface strings the Hugo theme uses: gen-site's own (Templates/strings.yaml), read
# rather than copied, with the few the Go templates need in another form, as Hugo i18n files.
HUGO_ONLY_STRINGS = {
    "footer_generated": ("由 Hugo 生成的静态网站，不使用外部字体、脚本或跟踪器。",
                         "A static site built by Hugo; it loads no external fonts, scripts or trackers."),
    "list_separator": ("、", ", "), "counts_separator": ("，", ", "),
    "counts_total": ("（共 {{ .Count }} 项）", " ({{ .Count }} tasks)"),
    "period_to": ("至", " to "), "year_of": ("{{ . }}年", "{{ . }}"), "due_on": ("{{ . }}到期", "due {{ . }}"),
}

def interface_strings():
    try:
        import yaml
    except ImportError:
        subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", "python3-yaml"], check=True, capture_output=True)
        import yaml
    with open(os.path.join(ROOT, "Templates", "strings.yaml"), encoding="utf-8") as f:
        table = yaml.safe_load(f)
    # Dotted keys (the open-data field descriptions) would be TOML tables to Hugo; the theme uses none.
    strings = {key: (value["zh"], value["en"]) for key, value in table.items() if "." not in key}
    strings.update(HUGO_ONLY_STRINGS)
    return strings


HUGO_CONFIG = '''baseURL = "https://bench.example.org/"
defaultContentLanguage = "zh"
hasCJKLanguage = true
enableRobotsTXT = true
disableHugoGeneratorInject = true
disableKinds = ["RSS"]
[params]
  build_date = "%s"
  sample = true
[taxonomies]
  unit = "units"
[markup.tableOfContents]
  startLevel = 2
  endLevel = 3
  ordered = true
[mediaTypes."application/atom+xml"]
  suffixes = ["xml"]
[outputFormats.Atom]
  mediaType = "application/atom+xml"
  baseName = "feed"
  rel = "alternate"
[outputFormats.TasksJSON]
  mediaType = "application/json"
  baseName = "tasks"
  isPlainText = true
[outputFormats.ProgressJSON]
  mediaType = "application/json"
  baseName = "progress"
  isPlainText = true
[outputFormats.AccidentsJSON]
  mediaType = "application/json"
  baseName = "accidents"
  isPlainText = true
[outputFormats.HazardsJSON]
  mediaType = "application/json"
  baseName = "hazards"
  isPlainText = true
[outputs]
  home = ["HTML", "Atom"]
  section = ["HTML"]
  taxonomy = ["HTML"]
  term = ["HTML"]
  page = ["HTML"]
[languages]
'''

def hugo_language(lang, weight, code, name, title, date_format, month_format, nav):
    out = (f'  [languages.{lang}]\n    contentDir = "content/{lang}"\n    weight = {weight}\n    languageCode = "{code}"\n'
           f'    languageName = "{name}"\n    title = "{title}"\n    [languages.{lang}.params]\n'
           f'      date_format = "{date_format}"\n      month_format = "{month_format}"\n')
    for i, (label, ref) in enumerate(nav):
        out += f'    [[languages.{lang}.menus.main]]\n      name = "{label}"\n      pageRef = "{ref}"\n      weight = {i + 1}\n'
    return out

# The Hugo theme: scripts/bench-hugo/layouts/, copied into the generated site; it renders the same
# pages as our default theme. BENCH_HUGO_THEME=minimal uses instead the minimal theme the first
# benchmark had (scripts/bench-hugo/minimal/: a title, the body, a list of links per page; about a
# fifth of our output), with the same content and the same feeds and data files.
HUGO_LAYOUTS_DIR = os.path.join(ROOT, "scripts", "bench-hugo", "layouts")
HUGO_MINIMAL_DIR = os.path.join(ROOT, "scripts", "bench-hugo", "minimal")
HUGO_THEME = os.environ.get("BENCH_HUGO_THEME", "equal")

def write_hugo_theme(hugo):
    nav = {"zh": [("首页", "/"), ("工作方案", "/plans"), ("责任单位", "/units"), ("事故统计", "/statistics"), ("举报指南", "/report"), ("搜索", "/search")],
           "en": [("Home", "/"), ("Plans", "/plans"), ("Units", "/units"), ("Accident statistics", "/statistics"),
                  ("How to report", "/report"), ("Search", "/search")]}
    write(os.path.join(hugo, "config.toml"), HUGO_CONFIG % BUILD_DATE
          + hugo_language("zh", 1, "zh-CN", "中文", "基准站点", "2006年1月2日", "2006年1月", nav["zh"])
          + hugo_language("en", 2, "en", "English", "Benchmark site", "2 January 2006", "January 2006", nav["en"]))
    strings = interface_strings()
    for i, lang in enumerate(("zh", "en")):
        write(os.path.join(hugo, "i18n", f"{lang}.toml"),
              "".join(f"{key} = {json.dumps(values[i], ensure_ascii=False)}\n" for key, values in sorted(strings.items())))
    if HUGO_THEME == "minimal":
        # The minimal pages; the feed, sitemap, robots and JSON templates (and the partials they use)
        # stay those of the equal theme.
        for folder, _, files in os.walk(HUGO_LAYOUTS_DIR):
            for name in files:
                if not name.endswith(".html") or os.path.basename(folder) == "partials":
                    source = os.path.join(folder, name)
                    target = os.path.join(hugo, "layouts", os.path.relpath(source, HUGO_LAYOUTS_DIR))
                    os.makedirs(os.path.dirname(target), exist_ok=True)
                    shutil.copy(source, target)
        shutil.copytree(HUGO_MINIMAL_DIR, os.path.join(hugo, "layouts"), dirs_exist_ok=True)
    else:
        shutil.copytree(HUGO_LAYOUTS_DIR, os.path.join(hugo, "layouts"), dirs_exist_ok=True)
    # The same stylesheet and scripts as gen-site's pages link to.
    for asset in ("site.css", "site.js", "search.js"):
        os.makedirs(os.path.join(hugo, "static", "assets"), exist_ok=True)
        shutil.copy(os.path.join(ROOT, "Templates", "assets", asset), os.path.join(hugo, "static", "assets", asset))

LINK_FIGURES = []   # (link scan CPU s, link resolve s, gen-site CPU s) of each gen-site run

def timed(command):
    """(seconds, peak RSS in MiB) of a command, with GNU time; for gen-site, the link check's
    figures from --timings go to LINK_FIGURES."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M %U %S"] + command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} failed:\n{result.stderr[-2000:]}")
    peak, user, system = result.stderr.strip().splitlines()[-1].split()
    scan = re.search(r"link scan \(CPU, summed over threads\) ([0-9.]+) s", result.stderr)
    resolve = re.search(r"links ([0-9.]+) s", result.stderr)
    if scan and resolve:
        LINK_FIGURES.append((float(scan.group(1)), float(resolve.group(1)), float(user) + float(system)))
    return elapsed, int(peak) / 1024

def html_pages(folder):
    return sum(1 for _, _, files in os.walk(folder) for f in files if f.endswith(".html"))

PAGE_KINDS = ("task", "plan", "progress", "unit")

def tree_sizes(folder):
    """(total bytes, files, {kind: mean bytes}) of an output tree; kinds are the task, plan, progress and unit pages, both languages."""
    total, files, sizes = 0, 0, {kind: [] for kind in PAGE_KINDS}
    for d, _, names in os.walk(folder):
        for name in names:
            path = os.path.join(d, name)
            size = os.path.getsize(path)
            total, files = total + size, files + 1
            parts = os.path.relpath(path, folder).split(os.sep)
            parts = parts[1:] if parts[0] == "en" else parts
            kind = {("plans", 3): "plan", ("plans", 4): "progress", ("plans", 5): "task", ("units", 3): "unit"}.get((parts[0], len(parts)))
            if kind and name == "index.html" and (kind != "progress" or parts[2] == "progress") and (kind != "task" or parts[2] == "tasks"):
                sizes[kind].append(size)
    return total, files, {kind: statistics.mean(v) if v else 0 for kind, v in sizes.items()}

def main():
    if "--generate-only" in sys.argv[1:]:
        # Only the content (scripts/bench-serve.sh uses it): WORK/content and WORK/hugo.
        plans, units, tasks = generate()
        print(f"generated: {plans} plans, {tasks} tasks, {units} units in {WORK}")
        return
    for tool in ("hugo", "cmark-gfm"):
        if not shutil.which(tool):
            subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", tool], check=True, capture_output=True)
    if not os.path.exists(GEN_SITE):
        subprocess.run(["swift", "build", "-c", "release", "--product", "gen-site"], cwd=ROOT, check=True)
    plans, units, tasks = generate()
    content, hugo = os.path.join(WORK, "content"), os.path.join(WORK, "hugo")
    out_g, out_h = os.path.join(WORK, "public-gen-site"), os.path.join(WORK, "public-hugo")
    gen = [GEN_SITE, "build", content, "-o", out_g, "--no-search-index", "--timings"]
    hug = ["hugo", "--quiet", "-s", hugo, "-d", out_h]
    # The clean scenario's old outputs are moved aside and deleted when the bench ends, not deleted
    # before a timed build: on ext4 without a journal (this machine's disk) the inode allocator passes
    # over every inode freed in the last minute (six when its table is being written) one by one, so a
    # build right after deleting 60,000 files spent up to 13 s in the kernel (recently_deleted()) —
    # the deletion's cost, not the build's.
    trash = os.path.join(WORK, "trash")
    atexit.register(shutil.rmtree, trash, ignore_errors=True)
    def clean():
        os.makedirs(trash, exist_ok=True)
        for folder in (out_g, os.path.join(WORK, ".public-gen-site.prev"), out_h):
            if os.path.exists(folder):
                os.rename(folder, os.path.join(trash, str(len(os.listdir(trash)))))
        subprocess.run(["sync"])
    timed(gen); timed(hug)                       # warm the file cache
    # Two scenarios, runs alternating between the tools:
    #  clean   — each run writes into an output folder removed beforehand (outside the timing);
    #  rebuild — each run writes over the previous run's output, as a publisher rebuilds
    #            (Hugo overwrites its files in place; gen-site swaps in a new tree, reusing
    #            the output before last, see docs/performance.md).
    results = {}
    LINK_FIGURES.clear()
    for scenario in ("clean", "rebuild"):
        times_g, times_h, peaks_g, peaks_h = [], [], [], []
        if scenario == "rebuild":
            # Twice for gen-site: a rebuild writes into the output before last (docs/performance.md).
            timed(gen); timed(gen); timed(hug)
        for _ in range(RUNS):
            if scenario == "clean":
                clean()
            else:
                subprocess.run(["sync"])
            t, m = timed(gen); times_g.append(t); peaks_g.append(m)
            if scenario == "clean":
                clean()
            else:
                subprocess.run(["sync"])
            t, m = timed(hug); times_h.append(t); peaks_h.append(m)
        results[scenario] = (times_g, times_h, peaks_g, peaks_h)
    # The search index (which Hugo's side has none of): gen-site rebuilds with it, alternating
    # with rebuilds without it as above.
    out_s = os.path.join(WORK, "public-gen-site-search")
    gen_s = [GEN_SITE, "build", content, "-o", out_s]
    timed(gen_s); timed(gen_s)
    times_s, peaks_s, times_n = [], [], []
    for _ in range(RUNS):
        subprocess.run(["sync"])
        t, m = timed(gen_s); times_s.append(t); peaks_s.append(m)
        subprocess.run(["sync"])
        t, _ = timed(gen); times_n.append(t)
    index_files = [os.path.join(d, f) for lang in ("search", "en/search") for d, _, fs in os.walk(os.path.join(out_s, lang, "index")) for f in fs]
    index_bytes = sum(os.path.getsize(f) for f in index_files)
    pages_g, pages_h = html_pages(out_g), html_pages(out_h)
    # Floors: cmark-gfm over the same Markdown, and copying the same bytes into as many files.
    markdown = [os.path.join(d, f) for d, _, fs in os.walk(content) for f in fs if f.endswith(".md")]
    start = time.perf_counter()
    for chunk in range(0, len(markdown), 500):
        subprocess.run(["cmark-gfm", "-e", "table", "-e", "autolink", "-e", "strikethrough", "-e", "tagfilter"] + markdown[chunk:chunk + 500],
                       check=True, stdout=subprocess.DEVNULL)
    cmark = time.perf_counter() - start
    copy_to = os.path.join(WORK, "copy")
    shutil.rmtree(copy_to, ignore_errors=True)
    start = time.perf_counter()
    subprocess.run(["cp", "-r", out_g, copy_to], check=True)
    write = time.perf_counter() - start
    print(f"content: {plans} plans, {tasks} tasks, {units} units, {len(markdown)} Markdown files; "
          f"{pages_g} pages from gen-site, {pages_h} from Hugo")
    (bytes_g, files_g, means_g), (bytes_h, files_h, means_h) = tree_sizes(out_g), tree_sizes(out_h)
    print(f"size: gen-site {bytes_g / 1e6:.1f} MB in {files_g} files, hugo {bytes_h / 1e6:.1f} MB in {files_h} files "
          f"(hugo/gen-site {bytes_h / bytes_g:.2f}); mean page, gen-site/hugo bytes: "
          + ", ".join(f"{kind} {means_g[kind]:.0f}/{means_h[kind]:.0f} ({means_h[kind] / means_g[kind]:.2f})" for kind in PAGE_KINDS))
    print(f"floor: cmark-gfm alone {cmark:.2f} s over {len(markdown)} files; copying gen-site's output {write:.2f} s")
    medians = {}
    for scenario, (times_g, times_h, peaks_g, peaks_h) in results.items():
        g, h = statistics.median(times_g), statistics.median(times_h)
        medians[scenario] = (g, h)
        print(f"{scenario:8} gen-site: runs {', '.join(f'{t:.2f}' for t in times_g)} s, median {g:.2f} s, "
              f"{pages_g / g:.0f} pages/s, peak {max(peaks_g):.0f} MiB")
        print(f"{scenario:8} hugo:     runs {', '.join(f'{t:.2f}' for t in times_h)} s, median {h:.2f} s, "
              f"{pages_h / h:.0f} pages/s, peak {max(peaks_h):.0f} MiB")
    s_, n_ = statistics.median(times_s), statistics.median(times_n)
    print(f"search   gen-site: rebuild with the search index runs {', '.join(f'{t:.2f}' for t in times_s)} s, median {s_:.2f} s "
          f"(without {n_:.2f} s: {100 * (s_ - n_) / n_:+.0f}%), peak {max(peaks_s):.0f} MiB; "
          f"index {index_bytes / 1e6:.1f} MB in {len(index_files)} files, {index_bytes / pages_g / 1024:.2f} KB per page")
    # The internal link check: its scan runs on the threads that render the pages, so its share is
    # measured in CPU time (thread CPU clocks in gen-site, user + sys of the process).
    if LINK_FIGURES:
        scan = statistics.median(f[0] for f in LINK_FIGURES)
        resolve = statistics.median(f[1] for f in LINK_FIGURES)
        cpu = statistics.median(f[2] for f in LINK_FIGURES)
        print(f"link check: scan {scan:.2f} s CPU summed over threads + resolve {resolve:.2f} s = "
              f"{(scan + resolve) / cpu:.1%} of gen-site's CPU time ({cpu:.2f} s user + sys; medians of {len(LINK_FIGURES)} runs)")
    g, h = medians["clean"]
    r = medians["rebuild"][0]
    floor = cmark + write
    print(f"floor: gen-site rebuild {r:.2f} s is {r / floor:.1f}× cmark-gfm + copying ({floor:.2f} s); "
          f"clean {g:.2f} s {g / floor:.1f}×, Hugo clean {h / floor:.1f}×")
    print(f"clean: {pages_g} pages, gen-site {g:.2f}s, hugo {h:.2f}s, ratio {h / g:.1f}  (theme: {HUGO_THEME})")
    # The last line: the rebuild, each tool writing over its own previous output (Hugo's ordinary use).
    g, h = medians["rebuild"]
    print(f"bench: {pages_g} pages, gen-site {g:.2f}s, hugo {h:.2f}s, ratio {h / g:.1f}")

if __name__ == "__main__":
    main()
