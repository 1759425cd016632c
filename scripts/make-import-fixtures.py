#!/usr/bin/env python3
"""Makes the other-format copies of the Lüxiang seed that the import tests read.

From Tests/Fixtures/seeds/lvxiang-2024-2026.txt (the plan's published text, with
its hard line breaks) it writes, into Tests/Fixtures/import/:

- lvxiang-2024-2026-portal.html: the plan as a government portal shows it — a
  breadcrumb, a metadata table (发布机构, 文号, 成文日期), the title as the page's
  heading, the article (the cover letter, signature, date, title and text, one
  <p> per paragraph), a link to the attachment, navigation and a footer;
- lvxiang-2024-2026.docx: the Word document (红头, 文号, letter, title, text),
  converted by LibreOffice from an HTML rendition of it;
- lvxiang-2024-2026.pdf: the same document printed to PDF by LibreOffice;
- beihu-town-points-2025.html, .docx, .pdf: a made-up town's 工作要点 whose task
  table stands in the middle of the text, with a sub-heading row across the
  table, a cell merged over two rows and two units in one cell.

The tests use the committed files; this script is only run to make them again
(it needs `libreoffice` on the PATH: Debian's libreoffice-writer-nogui, and a
Chinese font such as fonts-wqy-zenhei). Standard library only.

Usage: scripts/make-import-fixtures.py
"""

import html
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "Tests", "Fixtures", "seeds", "lvxiang-2024-2026.txt")
OUT = os.path.join(ROOT, "Tests", "Fixtures", "import")
ENDS = "。！？；：”）)》"


def kind(line):
    if re.match(r"^[一二三四五六七八九十]+、", line):
        return "chapter"
    if re.match(r"^（[一二三四五六七八九十]+）", line):
        return "section"
    if re.match(r"^\d{1,3}[.、．]\D", line):
        return "item"
    if line.startswith("（") and ("牵头部门" in line or "配合部门" in line):
        return "units"
    return "text"


def paragraphs(lines):
    """The printed lines joined into the paragraphs they were cut from: a line that does not end
    a sentence goes on in the next, unless it is a short heading; a units bracket goes with its task."""
    out = []
    for line in lines:
        k = kind(line)
        if out and k in ("text", "units"):
            prev = out[-1]
            heading = kind(prev) in ("chapter", "section") and "。" not in prev and "，" not in prev and len(prev) <= 40
            if k == "units" or (prev[-1] not in ENDS and not heading):
                out[-1] = prev + line
                continue
        out.append(line)
    return out


def bold(text):
    """`**牵头部门：**` as the Word file has it: bold."""
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", html.escape(text))


def read_seed():
    lines = [l.strip() for l in open(SEED, encoding="utf-8").read().split("\n") if l.strip()]
    red_head, doc_number, recipients = lines[0], lines[1], lines[2]
    title_at = next(i for i, l in enumerate(lines) if l.startswith("吕巷镇安全生产治本攻坚三年行动实施方案 "))
    letter = paragraphs(lines[3:title_at - 2])
    signature, date = lines[title_at - 2], lines[title_at - 1]
    title = lines[title_at]
    body = paragraphs(lines[title_at + 1:])
    # The section the seed broke mid-sentence (`三年行` / `动方案`) is one paragraph in the document.
    joined = []
    for p in body:
        if joined and joined[-1].endswith("三年行") and p.startswith("动方案"):
            joined[-1] += p
        else:
            joined.append(p)
    return red_head, doc_number, recipients, letter, signature, date, title, joined


def document_html(seed):
    red_head, doc_number, recipients, letter, signature, date, title, body = seed
    style = "<style>body{font-family:'WenQuanYi Zen Hei';font-size:14pt} p{margin:0 0 6pt 0} .i{text-indent:28pt}</style>"
    parts = [f"<p align=center style='color:#c00;font-size:20pt'>{html.escape(red_head)}</p>",
             f"<p align=center>{html.escape(doc_number)}</p>",
             f"<p>{html.escape(recipients)}</p>"]
    parts += [f"<p style='text-indent:28pt'>{html.escape(p)}</p>" for p in letter]
    parts += [f"<p align=right>{html.escape(signature)}</p>", f"<p align=right>{html.escape(date)}</p>",
              f"<p align=center style='font-size:18pt'><b>{html.escape(title)}</b></p>"]
    parts += [f"<p style='text-indent:28pt'>{bold(p)}</p>" for p in body]
    return "<!DOCTYPE html><html><head><meta charset=utf-8><title>" + html.escape(title) + "</title>" + style + "</head><body>\n" \
        + "\n".join(parts) + "\n</body></html>\n"


def portal_html(seed):
    red_head, doc_number, recipients, letter, signature, date, title, body = seed
    t = html.escape(title.replace(" (", "（").replace(")", "）"))
    article = [f"<p>{html.escape(recipients)}</p>"] + [f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{html.escape(p)}</p>" for p in letter]
    article += [f"<p style=\"text-align:right\">{html.escape(signature)}</p>", f"<p style=\"text-align:right\">{html.escape(date)}</p>",
                f"<p style=\"text-align:center\"><strong>{html.escape(title)}</strong></p>"]
    article += [f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{bold(p)}</p>" for p in body]
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{t}_政务公开_金山区吕巷镇人民政府</title>
<script>var siteId = "example";</script>
<style>.nav li{{display:inline}}</style>
</head>
<body>
<div class="header"><div class="logo">金山区吕巷镇人民政府</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul>
<form class="search"><input type="text" name="q" aria-label="搜索"><button>搜索</button></form>
</div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/aqsc/">安全生产</a></div>
<div class="main">
<table class="xxgk-meta">
<tr><td class="label">发布机构：</td><td>{html.escape(red_head)}</td><td class="label">文号：</td><td>{html.escape(doc_number)}</td></tr>
<tr><td class="label">成文日期：</td><td>2024-09-10</td><td class="label">有效性：</td><td>有效</td></tr>
</table>
<h1 class="article-title">{t}</h1>
<div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="article" id="zoom">
{chr(10).join(article)}
</div>
<div class="attachments">附件：<a href="/upload/2024/lvxiang-2024-2026.pdf">吕巷镇安全生产治本攻坚三年行动实施方案.pdf</a></div>
</div>
<div class="footer"><p>主办：金山区吕巷镇人民政府 &nbsp; 地址：示例路1号</p><p>网站标识码：0000000000 &nbsp; 沪ICP备00000000号</p></div>
</body>
</html>
"""


BEIHU = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>北湖镇2025年安全生产工作要点</title>
<style>body{font-family:'WenQuanYi Zen Hei';font-size:12pt} td,th{border:1px solid #000;padding:2pt;vertical-align:top}
table{border-collapse:collapse}</style></head>
<body>
<p align=center style='color:#c00;font-size:20pt'>北湖镇人民政府文件</p>
<p align=center>北府发〔2025〕5号</p>
<p align=center style='font-size:18pt'><b>北湖镇2025年安全生产工作要点</b></p>
<p style='text-indent:24pt'>2025年是安全生产治本攻坚三年行动的关键之年。为进一步压实安全生产责任，有效防范遏制各类生产安全事故，制定本要点。</p>
<p style='text-indent:24pt'>一、总体要求</p>
<p style='text-indent:24pt'>全年不发生较大及以上生产安全事故，生产安全事故起数和死亡人数持续下降，全镇安全生产形势保持稳定。</p>
<p style='text-indent:24pt'>二、重点任务</p>
<p style='text-indent:24pt'>重点任务分解如下：</p>
<table>
<tr><th width=40>序号</th><th width=200>重点任务</th><th width=90>牵头单位</th><th width=90>配合单位</th><th width=90>完成时限</th></tr>
<tr><td colspan=5>一、压实责任</td></tr>
<tr><td>1</td><td>召开镇安委会全体会议，部署全年安全生产工作</td><td>镇安委办</td><td>党政办</td><td>2025年3月底前</td></tr>
<tr><td>2</td><td>签订年度安全生产责任书</td><td>镇安委办</td><td>各村（居）<br>镇属公司</td><td>2025年4月底前</td></tr>
<tr><td colspan=5>二、隐患治理</td></tr>
<tr><td>3</td><td>开展老旧小区燃气管道更新改造，完成120户居民用户改造任务</td><td>规划建设办</td><td>城建中心<br>市场监管所</td><td>2025年10月底前</td></tr>
<tr><td>4</td><td>开展电动自行车违规充电专项整治</td><td rowspan=2>城运中心</td><td>派出所</td><td>2025年6月底前</td></tr>
<tr><td>5</td><td>开展消防通道清障专项行动</td><td>消防救援站</td><td>全年</td></tr>
</table>
<p style='text-indent:24pt'>三、保障措施</p>
<p style='text-indent:24pt'>（一）加强组织领导。镇安委会每季度召开一次全体会议，研究解决安全生产重大问题。</p>
<p style='text-indent:24pt'>（二）强化督查考核。将本要点任务落实情况纳入年度安全生产考核。</p>
<p align=right>北湖镇人民政府</p>
<p align=right>2025年2月10日</p>
</body></html>
"""


def convert(office, source, scratch, name):
    """`name`.docx and `name`.pdf from an HTML `source`, by LibreOffice, into the fixtures."""
    subprocess.run([office, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", scratch, source],
                   check=True, capture_output=True)
    docx = os.path.join(scratch, name + ".docx")
    subprocess.run([office, "--headless", "--convert-to", "pdf", "--outdir", scratch, docx], check=True, capture_output=True)
    shutil.copy(docx, OUT)
    shutil.copy(os.path.join(scratch, name + ".pdf"), OUT)


def main():
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        sys.exit("libreoffice is not on the PATH (Debian: apt-get install libreoffice-writer-nogui fonts-wqy-zenhei)")
    seed = read_seed()
    with open(os.path.join(OUT, "lvxiang-2024-2026-portal.html"), "w", encoding="utf-8") as f:
        f.write(portal_html(seed))
    scratch = tempfile.mkdtemp(prefix="import-fixtures-")
    try:
        source = os.path.join(scratch, "lvxiang-2024-2026.html")
        with open(source, "w", encoding="utf-8") as f:
            f.write(document_html(seed))
        convert(office, source, scratch, "lvxiang-2024-2026")
        beihu = os.path.join(OUT, "beihu-town-points-2025.html")
        with open(beihu, "w", encoding="utf-8") as f:
            f.write(BEIHU)
        shutil.copy(beihu, scratch)
        convert(office, os.path.join(scratch, "beihu-town-points-2025.html"), scratch, "beihu-town-points-2025")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print("wrote lvxiang-2024-2026-portal.html, lvxiang-2024-2026.docx, lvxiang-2024-2026.pdf and beihu-town-points-2025.html, .docx, .pdf in", OUT)


if __name__ == "__main__":
    main()
