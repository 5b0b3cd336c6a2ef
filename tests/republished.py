"""A published report set again from its text: the example it was taken from, with the published
sentences and table rows put back where they can be placed without doubt.

The three Wuhan reports exist beside the project only as the text of their PDFs (shared/seeds).
Our examples print the same tables and, mostly, the same sentences, with every figure computed.
To audit the reports as they were published, each example is built to a Document and to HTML,
then:

- every sentence of the Document that prints a figure is looked for in the published text. It is
  replaced by the published sentence, words and figures, when one published sentence alone is
  close to it (same words once figures and punctuation are set aside, or nearly the same words).
  A short sentence (a change alone, "比上年减少 X 万元") is placed with the sentence before it;
- every row of a standard table is looked for in the published text of the same table (between its
  title and the next table's): a line with the same labels and as many figures gives its figures.
  A row whose blank cells make the count differ is left as we print it;
- in the self-evaluation forms, a group's weight and the execution figures are set as published
  where they can be told apart.

The result is rendered to PDF with WeasyPrint, so the audit reads a document it did not make.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.build import prepare
from generator.present.document import Paragraph
from generator.render.html import render_html
from generator.render.pdf import html_to_pdf

NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?%?")
AMOUNT = re.compile(r"^-?[\d,]+\.\d+$")
NOT_A_WORD = re.compile(r"[^\w#]|_")
SYNONYMS = (("较", "比"),)
"""Spellings the published text and our profiles use for the same word."""
CHANGE = re.compile(r"(?:增加|减少|新增)#万?元(?:(?:增长|下降|增加|减少)#)?|持平")
"""A change as words (figures aside): "增加#万元，增长#%", "减少#万元", "持平" are one change, however
worded, so that a published "减少 0 万元，下降 0%" stands where we print 持平 and "增加 0.04%" where we
print 增长."""
LAST_YEAR = re.compile(r"与(?=#年|上年)")
"""与 before a year is 比 ("与上年持平", "比上年增加")."""
BLANK = re.compile(r"(?<![#Δ])(?=万元)")
"""An amount left out ("“三公”经费预算 万元") stands where we print one."""
MARKS = "。；;，,：:"
SHORT = 14
"""A sentence with fewer words than this (figures aside) is placed with the sentence before it."""


def skeleton(sentence: str) -> str:
    """A sentence's words: figures as #, punctuation and white space dropped, a change as Δ."""
    for a, b in SYNONYMS:
        sentence = sentence.replace(a, b)
    return _changes(NOT_A_WORD.sub("", NUMBER.sub("#", sentence)), [])[0]


def _changes(words: str, at: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """``words`` with each change as Δ, a blank before 万元 as # and 与 before a year as 比; ``at`` (where
    each word stands) kept in step: Δ stands where its words stood, a blank # nowhere."""
    out, where, last = [], [], 0
    for m in CHANGE.finditer(words):
        out.append(words[last : m.start()])
        where.extend(at[last : m.start()])
        out.append("Δ")
        if at:
            where.append((at[m.start()][0], at[m.end() - 1][1]))
        last = m.end()
    out.append(words[last:])
    where.extend(at[last:])
    words, at, out, where, last = "".join(out), where, [], [], 0
    for m in BLANK.finditer(words):
        out.append(words[last : m.start()] + "#")
        where.extend(at[last : m.start()])
        if at:
            where.append((at[m.start()][0], at[m.start()][0]))
        last = m.start()
    out.append(words[last:])
    where.extend(at[last:])
    return LAST_YEAR.sub("比", "".join(out)), where


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。；;])", text) if s]


@dataclass
class Counts:
    sentences: int = 0
    """Sentences of ours that print a figure."""
    placed: int = 0
    """… of which a published sentence was put in their place."""
    changed: int = 0
    """… of which the published sentence prints other figures than ours."""
    rows: int = 0
    rows_placed: int = 0
    rows_changed: int = 0
    forms_changed: int = 0
    """Cells of the self-evaluation forms (a group's weight, the execution figures) set as published."""
    changes: list[tuple[str, str]] = field(default_factory=list)


class Published:
    def __init__(self, path: Path) -> None:
        raw = path.read_text(encoding="utf-8")
        self.flat = re.sub(r"\s+", "", raw)
        # the text's words (figures as #) and, for each, where it stands in the flat text
        words: list[str] = []
        self.at: list[tuple[int, int]] = []
        last = 0
        for m in NUMBER.finditer(self.flat):
            self._words(last, m.start(), words)
            words.append("#")
            self.at.append((m.start(), m.end()))
            last = m.end()
        self._words(last, len(self.flat), words)
        self.words, self.at = _changes("".join(words), self.at)
        self.lines = [line.strip() for line in raw.splitlines() if line.strip()]
        self.flat_lines = [re.sub(r"\s+", "", line) for line in self.lines]
        self.row_keys = [row_key(line.split()) for line in self.lines]

    def _words(self, start: int, end: int, words: list[str]) -> None:
        for i in range(start, end):
            ch = self.flat[i]
            if not NOT_A_WORD.match(ch):
                words.append(dict(SYNONYMS).get(ch, ch))
                self.at.append((i, i + 1))

    def text_for(self, ours: str, before: str = "", after: str = "") -> str | None:
        """The published text with our sentence's words (figures aside), where it stands once only:
        as printed, with its own figures and marks. ``before``, ``after``: the sentences around ours,
        to place a short one."""
        sk, lead, own = skeleton(before + ours + after), len(skeleton(before)), len(skeleton(ours))
        hits = [m.start() for m in re.finditer(re.escape(sk), self.words)] if sk else []
        if len(hits) != 1 or not own:
            return None
        start = self.at[hits[0] + lead][0]
        end = self.at[hits[0] + lead + own - 1][1]
        marks = ours[len(ours.rstrip(MARKS)) :]
        theirs = self.flat[end : end + len(marks)]
        return self.flat[start:end] + (theirs if theirs and all(c in MARKS for c in theirs) else marks)


def row_key(cells: list[str]) -> tuple[str, ...]:
    return tuple("#" if AMOUNT.match(c) else re.sub(r"\s+", "", c) for c in cells)


def _figures(text: str) -> list[str]:
    return [n.replace(",", "") for n in NUMBER.findall(text)]


def _republish_sentences(sections: list, published: Published, counts: Counts) -> None:
    for section in sections:
        for i, block in enumerate(section.blocks):
            if isinstance(block, Paragraph):
                text = _paragraph(block.text, published, counts)
                if text != block.text:
                    section.blocks[i] = replace(block, text=text)
        _republish_sentences(section.sections, published, counts)


def _paragraph(text: str, published: Published, counts: Counts) -> str:
    out: list[str] = []
    before = ""  # our sentence before, when the published one was put in its place
    ours_all = sentences(text)
    for k, ours in enumerate(ours_all):
        if not NUMBER.search(ours):
            out.append(ours)
            before = ""
            continue
        counts.sentences += 1
        after = ours_all[k + 1] if k + 1 < len(ours_all) else ""
        if len(re.sub(r"[#\d%]", "", skeleton(ours))) >= SHORT:
            theirs = published.text_for(ours)
        else:  # a short sentence, placed with its neighbour
            theirs = (published.text_for(ours, before=before) if before else None) or (published.text_for(ours, after=after) if after else None)
        if theirs is None:
            out.append(ours)
            before = ""
            continue
        counts.placed += 1
        if _figures(theirs) != _figures(re.sub(r"\s+", "", ours)):
            counts.changed += 1
            counts.changes.append((ours, theirs))
        out.append(theirs)
        before = ours
    return "".join(out)


_TABLE = re.compile(r"<table.*?</table>", re.S)
_TITLE = re.compile(r'<h2[^>]*class="(?:table|section)-title"[^>]*>(.*?)</h2>', re.S)
_BLOCK = re.compile(r'class="table-block[^"]*" id="([^"]*)"')
FORMS = ("t-project", "t-stage", "t-whole")
"""Tables that are forms of a project or of the whole department, not standard tables: their rows
("合计", "项目当年预算") repeat from form to form and cannot be placed."""
_HEADING_NUMBER = re.compile(r"^[一二三四五六七八九十]+、")
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
_CELL = re.compile(r"(<t[dh][^>]*>)(.*?)(</t[dh]>)", re.S)


def _text(html: str) -> str:
    return re.sub(r"\s+", "", re.sub(r"<[^>]+>", "", html))


def _republish_tables(html: str, published: Published, counts: Counts) -> str:
    tables = []
    for m in _TABLE.finditer(html):
        head = html[max(0, m.start() - 600) : m.start()]
        blocks = _BLOCK.findall(head)
        standard = bool(blocks) and not blocks[-1].startswith(FORMS)
        titles = _TITLE.findall(head) if standard else []
        tables.append((m, _HEADING_NUMBER.sub("", _text(titles[-1])) if titles else ""))
    titles = [t for _, t in tables if t]
    unique = {t for t in titles if titles.count(t) == 1}
    starts = [i for i, line in enumerate(published.flat_lines) if any(t in line for t in unique)]
    pieces, last = [], 0
    for m, title in tables:
        body = m.group(0)
        rows = [r for r in _ROW.finditer(body) if any(AMOUNT.match(c) for c in _cells(r))]
        counts.rows += len(rows)
        span = _region(published, title, {row_key(_cells(r)) for r in rows}, starts) if title in unique else None
        if span is not None:
            body = _rows(body, published, span, counts)
        pieces.append(html[last : m.start()] + body)
        last = m.end()
    return "".join(pieces) + html[last:]


def _cells(row: re.Match[str]) -> list[str]:
    return [c for c in (re.sub(r"<[^>]+>", "", cell[1]).strip() for cell in _CELL.findall(row.group(1))) if c]


def _region(published: Published, title: str, keys: set[tuple[str, ...]], starts: list[int]) -> tuple[int, int] | None:
    """The published lines of the table titled ``title``: of the places the title stands (the contents
    list names it too), the one followed by most of the table's rows, up to the next table's title."""
    best, best_hits = None, 0
    for i, line in enumerate(published.flat_lines):
        if title not in line:
            continue
        end = next((j for j in starts if j > i), len(published.lines))
        hits = sum(1 for k in published.row_keys[i:end] if k in keys)
        if hits > best_hits:
            best, best_hits = (i, end), hits
    return best


def _rows(body: str, published: Published, span: tuple[int, int], counts: Counts) -> str:
    cursor, end = span

    def put(row: re.Match[str]) -> str:
        nonlocal cursor
        cells = _CELL.findall(row.group(1))
        texts = [re.sub(r"<[^>]+>", "", c[1]).strip() for c in cells]
        shown = [t for t in texts if t]
        if not any(AMOUNT.match(t) for t in shown):
            return row.group(0)
        key = row_key(shown)
        if published.row_keys[span[0] : end].count(key) != 1:
            return row.group(0)  # a row printed twice with the same labels cannot be told apart
        for i in range(cursor, end):
            if published.row_keys[i] != key:
                continue
            cursor = i + 1
            counts.rows_placed += 1
            theirs = published.lines[i].split()
            if [t.replace(",", "") for t in theirs] == [t.replace(",", "") for t in shown]:
                return row.group(0)
            counts.rows_changed += 1
            counts.changes.append((" ".join(shown), " ".join(theirs)))
            figures = iter(theirs)
            return "<tr>" + "".join(c[0] + (next(figures) if t else "") + c[2] for c, t in zip(cells, texts)) + "</tr>"
        return row.group(0)

    return _ROW.sub(put, body)


_WEIGHT = re.compile(r"<td([^>]*)>([^<（]{2,12})（(\d+(?:\.\d+)?)分）</td>")
_FIGURE = re.compile(r"^-?[\d,]+(?:\.\d+)?%?$")


def _republish_forms(html: str, published: Published, counts: Counts) -> str:
    """The self-evaluation forms: a group's weight ("满意度指标（20分）") where the published text prints the
    group once with its weight, and the execution row (预算数, 执行数, 执行率, 得分) where one published line
    prints four such figures with the same 执行数."""

    def weight(m: re.Match[str]) -> str:
        theirs = re.findall(re.escape(m.group(2)) + r"（(\d+(?:\.\d+)?)分）", published.flat)
        if len(theirs) != 1 or theirs[0] == m.group(3):
            return m.group(0)
        counts.forms_changed += 1
        counts.changes.append((f"{m.group(2)}（{m.group(3)}分）", f"{m.group(2)}（{theirs[0]}分）"))
        return f"<td{m.group(1)}>{m.group(2)}（{theirs[0]}分）</td>"

    lines = [line.split() for line in published.lines]
    executions = [t for t in lines if len(t) == 4 and all(_FIGURE.match(x) for x in t) and t[2].endswith("%")]

    def row(m: re.Match[str]) -> str:
        cells = _CELL.findall(m.group(1))
        texts = [re.sub(r"<[^>]+>", "", c[1]).strip() for c in cells]
        shown = [t for t in texts if t]
        if len(shown) != 4 or not all(_FIGURE.match(x) for x in shown) or not shown[2].endswith("%"):
            return m.group(0)
        same = [t for t in executions if float(t[1].replace(",", "")) == float(shown[1].replace(",", ""))]
        if len(same) != 1:
            return m.group(0)
        counts.forms_changed += 1
        counts.changes.append((" ".join(shown), " ".join(same[0])))
        figures = iter(same[0])
        return "<tr>" + "".join(c[0] + (next(figures) if t else "") + c[2] for c, t in zip(cells, texts)) + "</tr>"

    return _ROW.sub(row, _WEIGHT.sub(weight, html))


def republish(data: Path, text: Path, pdf: Path) -> Counts:
    """The report of ``data`` with the published sentences and rows of ``text`` put back, as ``pdf``."""
    doc, _ = prepare(data)
    published = Published(text)
    counts = Counts()
    for part in doc.parts:
        _republish_sentences([part], published, counts)
    html = _republish_forms(_republish_tables(render_html(doc, print_css=True), published, counts), published, counts)
    pdf.write_bytes(html_to_pdf(html, data.parent))
    return counts
