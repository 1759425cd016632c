#!/usr/bin/env python3
"""Benchmark (not a test): gen-site against Hugo on the same generated content.

Generates, deterministically, a bilingual content tree in gen-site's format —
plans with Chinese and English text, a tasks.yaml of 20–60 tasks each,
monthly progress reports, units, statistics — and the equivalent Hugo site
(the same Markdown bodies, the same number of output pages per language, a
minimal real theme with list, single and taxonomy templates,
hasCJKLanguage). Then times full builds of both, alternating, and prints the
medians, pages per second, peak memory, and two floors measured on the same
data: cmark-gfm alone over the same Markdown, and writing the same bytes to
the same number of files.

    BENCH_PAGES=20000 scripts/bench.py      (make bench; default 2000 pages)

The last line reads: bench: N pages; clean gen-site Xs hugo Ys ratio Z; rebuild … (Z = Hugo's
time / gen-site's: above 1, gen-site is faster)
"""
import os, random, shutil, statistics, subprocess, sys, time

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

def generate():
    plans = plan_count_for(PAGES)
    units = max(10, plans)
    content = os.path.join(WORK, "content")
    hugo = os.path.join(WORK, "hugo")
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(os.path.join(content, "plans"))
    os.makedirs(os.path.join(content, "statistics"))
    with open(os.path.join(content, "site.yaml"), "w") as f:
        f.write("title: {zh: 基准站点, en: Benchmark site}\nbase_url: https://bench.example.org/\nsample: true\nbuild_date: 2025-06-30\n")
    with open(os.path.join(content, "units.yaml"), "w") as f:
        for u in range(units):
            f.write(f"- id: unit-{u}\n  name: {{zh: 单位{u}, en: Unit {u}}}\n  kind: government\n")
    with open(os.path.join(content, "statistics", "categories.yaml"), "w") as f:
        f.write("sample: true\ncategories: [{id: road, name: 道路}, {id: fire, name: 火灾}]\nregions: [{id: a, name: 甲区}, {id: b, name: 乙区}]\n")
    with open(os.path.join(content, "statistics", "accidents.csv"), "w") as f:
        f.write("period,region,category,accidents,deaths,injuries,loss\n")
        for y in (2023, 2024):
            for m in range(1, 13):
                for r in "ab":
                    for c in ("road", "fire"):
                        a = random.randint(1, 9)
                        f.write(f"{y}-{m:02d},{r},{c},{a},{random.randint(0, 1)},{random.randint(0, 5)},{a * 3.5}\n")
    # Hugo: the same bodies, the same pages per language.
    for lang in ("zh", "en"):
        os.makedirs(os.path.join(hugo, "content", lang))
    total_tasks = 0
    for p in range(plans):
        pid = f"plan-{p}"
        folder = os.path.join(content, "plans", pid)
        os.makedirs(os.path.join(folder, "progress"))
        tasks = random.randint(20, 60)
        total_tasks += tasks
        zh, en = body("zh"), body("en")
        with open(os.path.join(folder, "plan.md"), "w") as f:
            f.write(f"---\nid: {pid}\ntitle: {{zh: 基准方案{p}, en: Benchmark plan {p}}}\ndoc_number: 基准〔2024〕{p}号\n"
                    f"issuer: unit-{p % units}\nissued: 2024-01-{1 + p % 28:02d}\nperiod: {{start: 2024-01-01, end: 2025-12-31}}\n"
                    f"level: town\nstatus: in_force\n---\n\n{zh}")
        with open(os.path.join(folder, "plan.en.md"), "w") as f:
            f.write(en)
        with open(os.path.join(folder, "tasks.yaml"), "w") as f:
            f.write("groups:\n" + "".join(f"  - {{id: part-{c}, title: {{zh: 第{c}章, en: Chapter {c}}}}}\n" for c in range(1, 5)))
            f.write("tasks:\n")
            for t in range(1, tasks + 1):
                f.write(f"  - no: {t}\n    group: part-{1 + t % 4}\n    title: {{zh: 任务{t}, en: Task {t}}}\n"
                        f"    responsible: [unit-{(p + t) % units}]\n    cooperating: [unit-{(p + 2 * t) % units}]\n"
                        f"    requirements: {{zh: \"{zh_paragraph(1)}\", en: \"{en_paragraph(1)}\"}}\n    due: 2025-{1 + t % 12:02d}-28\n")
        for m in range(1, 13):
            with open(os.path.join(folder, "progress", f"2024-{m:02d}.yaml"), "w") as f:
                f.write(f"as_of: 2024-{m:02d}-28\nupdates:\n")
                for t in random.sample(range(1, tasks + 1), min(tasks, 10)):
                    status = random.choice(['in_progress', 'done', 'delayed'])
                    percent = 100 if status == 'done' else random.randint(0, 99)
                    f.write(f"  - {{task: {t}, status: {status}, percent: {percent}}}\n")
        for lang, text, title in (("zh", zh, f"基准方案{p}"), ("en", en, f"Benchmark plan {p}")):
            section = os.path.join(hugo, "content", lang, "plans", pid)
            os.makedirs(os.path.join(section, "tasks"))
            with open(os.path.join(section, "_index.md"), "w") as f:
                f.write(f"---\ntitle: \"{title}\"\n---\n\n{text}")
            with open(os.path.join(section, "progress.md"), "w") as f:
                f.write(f"---\ntitle: \"{title} progress\"\n---\n\nProgress.\n")
            for t in range(1, tasks + 1):
                with open(os.path.join(section, "tasks", f"{t}.md"), "w") as f:
                    f.write(f"---\ntitle: \"{title} {t}\"\nunits: [\"unit-{(p + t) % units}\", \"unit-{(p + 2 * t) % units}\"]\n---\n\n"
                            f"{zh_paragraph(1) if lang == 'zh' else en_paragraph(1)}\n")
    write_hugo_theme(hugo)
    return plans, units, total_tasks

def write_hugo_theme(hugo):
    with open(os.path.join(hugo, "config.toml"), "w") as f:
        f.write('baseURL = "https://bench.example.org/"\ntitle = "Benchmark"\nhasCJKLanguage = true\n'
                'defaultContentLanguage = "zh"\ndisableKinds = ["RSS", "sitemap", "robotsTXT"]\n'
                '[taxonomies]\n  unit = "units"\n'
                '[languages]\n  [languages.zh]\n    contentDir = "content/zh"\n    weight = 1\n'
                '  [languages.en]\n    contentDir = "content/en"\n    weight = 2\n')
    layouts = os.path.join(hugo, "layouts", "_default")
    os.makedirs(layouts)
    base = ('<!DOCTYPE html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }} · {{ .Site.Title }}</title>'
            '{{ range .AllTranslations }}<link rel="alternate" hreflang="{{ .Lang }}" href="{{ .Permalink }}">{{ end }}</head>'
            '<body><nav>{{ range .Site.Home.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>'
            '<main>{{ block "main" . }}{{ end }}</main></body></html>')
    templates = {
        "baseof.html": base,
        "single.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ with .GetTerms "units" }}<ul>{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>{{ end }}{{ end }}',
        "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ .TableOfContents }}<table>{{ range .Pages }}<tr><td><a href="{{ .RelPermalink }}">{{ .Title }}</a></td></tr>{{ end }}</table>{{ end }}',
        "taxonomy.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}',
        "term.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}',
    }
    for name, text in templates.items():
        with open(os.path.join(layouts, name), "w") as f:
            f.write(text)

def timed(command):
    """(seconds, peak RSS in MiB) of a command, with GNU time."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"bench: {' '.join(command)} failed:\n{result.stderr[-2000:]}")
    peak = int(result.stderr.strip().splitlines()[-1]) / 1024
    return elapsed, peak

def html_pages(folder):
    return sum(1 for _, _, files in os.walk(folder) for f in files if f.endswith(".html"))

def main():
    for tool in ("hugo", "cmark-gfm"):
        if not shutil.which(tool):
            subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", tool], check=True, capture_output=True)
    if not os.path.exists(GEN_SITE):
        subprocess.run(["swift", "build", "-c", "release", "--product", "gen-site"], cwd=ROOT, check=True)
    plans, units, tasks = generate()
    content, hugo = os.path.join(WORK, "content"), os.path.join(WORK, "hugo")
    out_g, out_h = os.path.join(WORK, "public-gen-site"), os.path.join(WORK, "public-hugo")
    gen = [GEN_SITE, "build", content, "-o", out_g, "--no-search-index"]
    hug = ["hugo", "--quiet", "-s", hugo, "-d", out_h]
    def clean():
        for folder in (out_g, os.path.join(WORK, ".public-gen-site.prev"), out_h):
            shutil.rmtree(folder, ignore_errors=True)
        subprocess.run(["sync"])
    timed(gen); timed(hug)                       # warm the file cache
    # Two scenarios, runs alternating between the tools:
    #  clean   — each run writes into an output folder removed beforehand (outside the timing);
    #  rebuild — each run writes over the previous run's output, as a publisher rebuilds
    #            (Hugo overwrites its files in place; gen-site swaps in a new tree, reusing
    #            the output before last, see docs/performance.md).
    results = {}
    for scenario in ("clean", "rebuild"):
        times_g, times_h, peaks_g, peaks_h = [], [], [], []
        if scenario == "rebuild":
            timed(gen); timed(hug)
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
    print(f"floor: cmark-gfm alone {cmark:.2f} s over {len(markdown)} files; copying gen-site's output {write:.2f} s")
    summary = []
    for scenario, (times_g, times_h, peaks_g, peaks_h) in results.items():
        g, h = statistics.median(times_g), statistics.median(times_h)
        print(f"{scenario:8} gen-site: runs {', '.join(f'{t:.2f}' for t in times_g)} s, median {g:.2f} s, "
              f"{pages_g / g:.0f} pages/s, peak {max(peaks_g):.0f} MiB")
        print(f"{scenario:8} hugo:     runs {', '.join(f'{t:.2f}' for t in times_h)} s, median {h:.2f} s, "
              f"{pages_h / h:.0f} pages/s, peak {max(peaks_h):.0f} MiB")
        summary.append(f"{scenario} gen-site {g:.2f}s hugo {h:.2f}s ratio {h / g:.1f}")
    print(f"bench: {pages_g} pages; " + "; ".join(summary))

if __name__ == "__main__":
    main()
