"""``disclosure build DATA --site``: ``index.html`` of the output folder lists every report.

Reports are grouped by department, then year (newest first) and kind (预算, 决算), each with links to
every format built (HTML, PDF, Word, Excel, CSV, JSON). A search box filters the list as one types
(department, year or kind); without scripts the whole list shows.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from generator.commands.outputs import table_folder, write_atomic
from generator.render.webfonts import page_font_css, page_fonts

PAGE = re.compile(r"^(\d{4})-(budget|final)\.html$")
KINDS = {"budget": "部门预算", "final": "部门决算"}
FORMATS = (("pdf", "PDF"), ("docx", "Word"), ("xlsx", "Excel"), ("json", "JSON"))


@dataclass
class Entry:
    folder: str
    year: int
    kind: str
    title: str
    department: str
    links: list[tuple[str, str]] = field(default_factory=list)


class _Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.author = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "title":
            self._in_title = True
        if tag == "meta" and values.get("name") == "author":
            self.author = values.get("content") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def _head(page: Path) -> tuple[str, str]:
    parser = _Head()
    text = page.read_text(encoding="utf-8", errors="replace")
    parser.feed(text[: text.find("</head>") + 7] if "</head>" in text else text[:20000])
    return parser.title.strip(), parser.author.strip()


def entries(out_dir: Path) -> list[Entry]:
    """Every report page of ``out_dir`` (``<unit>/<year>-<kind>.html``) with the other formats beside it."""
    found = []
    for page in sorted(out_dir.glob("*/*.html")):
        match = PAGE.match(page.name)
        if not match:
            continue
        title, department = _head(page)
        entry = Entry(page.parent.name, int(match.group(1)), match.group(2), title or page.stem, department or page.parent.name)
        base = f"{page.parent.name}/{page.stem}"
        entry.links.append(("HTML", f"{base}.html"))
        for suffix, label in FORMATS:
            if page.with_suffix(f".{suffix}").is_file():
                entry.links.append((label, f"{base}.{suffix}"))
        csv = table_folder(page.with_suffix(""))
        if csv.is_dir():
            entry.links.append(("CSV", f"{page.parent.name}/{csv.name}/"))
        found.append(entry)
    return found


STYLE = """
html { font-family: "Noto Sans SC", "Source Han Sans SC", "SimHei", "黑体", sans-serif; font-size: 12pt; line-height: 1.6; color: #111; }
body { max-width: 60em; margin: 0 auto; padding: 1em; }
h1 { font-size: 18pt; font-weight: normal; }
h2 { font-size: 14pt; font-weight: normal; border-bottom: 1px solid #ccc; margin-top: 1.4em; }
label { display: block; margin: 0.5em 0 0.2em; }
input[type=search] { font: inherit; width: 100%; max-width: 30em; padding: 0.3em 0.5em; border: 1px solid #555; border-radius: 3px; }
ul.reports { list-style: none; padding: 0; margin: 0; }
ul.reports li { padding: 0.4em 0; border-bottom: 1px dotted #ccc; }
.report-title { margin-right: 0.6em; }
.formats a { display: inline-block; margin: 0.1em 0.3em 0.1em 0; padding: 0 0.5em; border: 1px solid #0645ad; border-radius: 3px; color: #0645ad; text-decoration: none; }
.count { color: #444; }
[hidden] { display: none !important; }
"""

SCRIPT = """<script>
(function () {
  var box = document.getElementById("search");
  var count = document.getElementById("count");
  function filter() {
    var words = box.value.trim().toLowerCase().split(/\\s+/).filter(Boolean);
    var shown = 0;
    document.querySelectorAll("section.department").forEach(function (section) {
      var any = false;
      section.querySelectorAll("li").forEach(function (li) {
        var text = li.getAttribute("data-search");
        var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
        li.hidden = !ok;
        if (ok) { any = true; shown++; }
      });
      section.hidden = !any;
    });
    count.textContent = "共 " + shown + " 份报告";
  }
  box.addEventListener("input", filter);
  filter();
})();
</script>"""


def render_index(items: list[Entry], title: str = "部门预算、决算公开") -> str:
    by_department: dict[str, list[Entry]] = {}
    for e in items:
        by_department.setdefault(e.department, []).append(e)
    sections = []
    for department in sorted(by_department):
        rows = []
        for e in sorted(by_department[department], key=lambda x: (-x.year, x.kind)):
            search = " ".join([e.department, str(e.year), f"{e.year}年", KINDS[e.kind], e.kind, e.title]).lower()
            links = "".join(f'<a href="{html.escape(href)}">{html.escape(label)}</a>' for label, href in e.links)
            rows.append(
                f'<li data-search="{html.escape(search)}"><span class="report-title">{e.year} 年{KINDS[e.kind]}：'
                f'<a href="{html.escape(e.links[0][1])}">{html.escape(e.title)}</a></span>'
                f'<span class="formats" aria-label="{html.escape(e.title)}的各种格式">{links}</span></li>'
            )
        sections.append(f'<section class="department"><h2>{html.escape(department)}</h2>\n<ul class="reports">\n' + "\n".join(rows) + "\n</ul></section>")
    body = "\n".join(sections) if sections else "<p>输出文件夹中还没有报告。</p>"
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)}</title>
<meta name="generator" content="disclosure">
<style>
{page_font_css("index.html")}
{STYLE}
</style>
</head>
<body>
<header>
<h1>{html.escape(title)}</h1>
<form role="search" onsubmit="return false">
<label for="search">搜索（部门、年度或类型，如“2023 决算”）</label>
<input type="search" id="search" name="q">
</form>
<p class="count" id="count" aria-live="polite">共 {len(items)} 份报告</p>
</header>
<main>
{body}
</main>
{SCRIPT}
</body>
</html>
"""


def write_site(out_dir: Path) -> Path:
    """Write ``index.html`` (and its fonts) into ``out_dir``; its path."""
    page = render_index(entries(out_dir))
    target = out_dir / "index.html"
    for name, data in page_fonts(page, target.name).items():
        write_atomic(out_dir / name, data)
    write_atomic(target, page.encode("utf-8"))
    return target
