"""Names of 科目 as sentences print them: a 项 whose sentence reads with its profile's template only once
its path (类, 款, 项 names) is left open, and whose 支出决算 (or budget) is that of one 项 of the table,
must name it as the table does. A published report saying "住房保障支出（类）住房保障支出（款）住房公积金
（项）" for 2210201, whose table names 22102 住房改革支出, has the 款 wrong.
"""

from __future__ import annotations

import re

from generator.audit.context import Context, finding
from generator.audit.finding import Finding
from generator.audit.numbers import reaches, shown
from generator.ingest.attribute import IDENTITY, ITEM_LISTS, equal_variants, numeric_names
from generator.ingest.cells import squash
from generator.ingest.sentences import Found, compile_template, specs

_NUMBERING = re.compile(r"^[(（]?\d{1,2}[)）、.．]?")
_MARKS = str.maketrans("(),;:", "（），；：")
AMOUNT = ("actual", "amount", "budget")
"""The field of an item's sentence that prints the 项's amount in the 一般公共预算 table."""


def _path(text: str) -> str:
    """The path as printed: after the sentence before it, without its list number, marks full-width."""
    text = re.split(r"[。；\n]", text)[-1]
    return _NUMBERING.sub("", squash(text)).translate(_MARKS)


def name_findings(ctx: Context) -> list[tuple[Found, Finding]]:
    """Each 项 sentence read with its path left open and named otherwise than its table: the sentence
    (an entry of its list, to be checked as the others are) and the finding on its name."""
    reading = ctx.reading
    read = {f.entry.get("code") for f in reading.found if f.list_name in ITEM_LISTS}
    rows = reading.imported.reading.rows.get("general", [])
    names = {r.code: squash(r.name) for r in rows if r.code and r.name}
    unread = [r.code for r in rows if len(r.code) == 7 and r.code not in read and any(r.values.values())]
    if not unread:
        return []
    facts = reading.facts
    known = {k: facts.values[k] for k in IDENTITY if k in facts.values}
    body = reading.imported.body
    taken = [(f.start, f.end) for f in reading.found]
    template = reading.profile.wording.item_path
    out: list[tuple[Found, Finding]] = []
    for spec in specs(reading.profile):
        if spec.list_name not in ITEM_LISTS or "{path}" not in spec.template:
            continue
        for equal in equal_variants(reading.profile):
            pattern, fields = compile_template(spec.template, {**known, "equal": equal}, numeric_names(facts, spec.list_name))
            for m in pattern.finditer(body.marked):
                values = {k: v.replace("\n", "") for k, v in zip(fields, m.groups()) if v}
                path_text = values.pop("path", "")
                start = body.plain(m.start() + len(path_text) - len(re.split(r"[。；\n]", path_text)[-1]))
                end = body.plain(m.end())
                if any(start < b and a < end for a, b in taken):
                    continue
                figure = next((shown(values[k]) for k in AMOUNT if k in values and shown(values[k]) is not None), None)
                if figure is None:
                    continue
                codes = [c for c in unread if any(reaches(figure, s) for s in ctx.coded(("general",), c, ("total",)))]
                if len(codes) != 1 or not all(c in names for c in (codes[0][:3], codes[0][:5], codes[0])):
                    continue
                code = codes[0]
                expected = template.format(class_name=names[code[:3]], kuan_name=names[code[:5]], item_name=names[code]).translate(_MARKS)
                printed = _path(path_text)
                if squash(expected) != printed:
                    f = Found(spec.template, values, body.page_at(start), start, end, entry={"code": code}, list_name=spec.list_name)
                    out.append((f, finding(ctx, f, printed, squash(expected), f"科目名称与表中 {code} 的名称不符", "名称")))
                    taken.append((start, end))
                    unread.remove(code)
    return out
