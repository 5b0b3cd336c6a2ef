"""The 部门项目申报表(含绩效目标) of each project read back (generator.present.tables.forms prints them):
the form's label/value grid, 项目支出明细测算, 项目采购, 项目绩效总目标, and the 长期 and 年度绩效目标表.

The forms are found by their column headers in page order. A grid that a page break cuts goes on
in the next page's table (the label grid without a header, the others with their header repeated).
Each form is given to the project it names, or else to the next project without a form whose
amount is the form's 项目当年预算. A form missing any field the model requires is left out, and
said so in the summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from generator.ingest.cells import amount, cell_text, heads_with, squash
from generator.ingest.pdf import Line, RawTable

LABELS = {
    "项目名称": "name",
    "项目编码": "code",
    "项目主管部门": "manager",
    "项目执行单位": "executor",
    "项目负责人": "leader",
    "联系电话": "phone",
    "单位地址": "address",
    "邮政编码": "postcode",
    "项目属性": "attribute",
    "支出项目类别": "category",
    "起始年度": "start_year",
    "终止年度": "end_year",
    "项目立项依据": "basis",
    "项目实施方案": "plan",
    "项目总预算": "total_budget",
    "项目当年预算": "current",
    "项目前两年预算及当年预算变动情况": "change_note",
}
"""The form grid's labels and the fields their values go to."""
REQUIRED = ("manager", "executor", "leader", "phone", "address", "postcode", "attribute", "category", "start_year", "end_year", "basis", "plan", "change_note")

DETAILS = ("项目活动", "活动内容表述", "支出经济分类", "金额", "测算依据及说明", "备注")
PURCHASES = ("品名", "数量", "金额")
GOAL = ("名称", "目标说明")
INDICATORS = ("目标名称", "一级指标", "二级指标", "三级指标", "指标值")
ANNUAL_HEAD = ("前年", "上年", "预计当年实现")

_DECLARED = re.compile(r"申报日期：(.+?)\s*(?=单位：|$)", re.M)
_TITLE = re.compile(r"(附件\d+)?\s*部门项目申报表\(含绩效目标\)")


@dataclass
class _Form:
    fields: dict[str, str] = field(default_factory=dict)
    details: list[list[str]] = field(default_factory=list)
    purchases: list[list[str]] = field(default_factory=list)
    goal: list[str] = field(default_factory=list)
    long_term: list[list[str]] = field(default_factory=list)
    annual: list[list[str]] = field(default_factory=list)


def _label_row(row: list[str | None]) -> bool:
    first = next((squash(c) for c in row if c), "")
    return first in LABELS


def _info(form: _Form, rows: list[list[str | None]]) -> None:
    for row in rows:
        cells = [c for c in row if c is not None]
        for i in range(0, len(cells) - 1, 2):
            key = LABELS.get(squash(cells[i]))
            if key is not None and key not in form.fields:
                form.fields[key] = cell_text(cells[i + 1])


def _body(rows: list[list[str | None]], heads: int, width: int) -> list[list[str]]:
    """The rows under ``heads`` header rows, each padded to ``width`` cells (a merged cell's slots empty)."""
    out = []
    for row in rows[heads:]:
        cells = [cell_text(c) for c in row]
        out.append((cells + [""] * width)[:width])
    return out


def _forms(raw: list[RawTable]) -> list[_Form]:
    forms: list[_Form] = []
    part = ""
    for table in raw:
        rows = table.rows
        if not rows:
            continue
        first = rows[0]
        if _label_row(first) and any(squash(c) == "项目编码" for c in first if c):
            forms.append(_Form())
            part = "info"
        elif not forms:
            continue
        form = forms[-1]
        if heads_with(first, DETAILS):
            part = "details"
            form.details += _body(rows, 1, len(DETAILS))
        elif heads_with(first, PURCHASES):
            part = "purchases"
            form.purchases += [r for r in _body(rows, 1, 3) if r != ["无", "", ""]]
        elif heads_with(first, GOAL):
            part = "goal"
            form.goal = (_body(rows, 1, 2) or [[]])[0]
        elif heads_with(first, INDICATORS):
            annual = len(first) == 8
            heads = 2 if annual and len(rows) > 1 and heads_with(rows[1], ANNUAL_HEAD) else 1
            part = "annual" if annual else "long_term"
            getattr(form, part).extend(_body(rows, heads, len(first)))
        elif part == "info" and _label_row(first):
            pass
        else:
            part = ""
            continue
        if part == "info":
            _info(form, rows)
    return forms


def indicator(row: list[str], annual: bool) -> dict[str, Any]:
    """A row of a 绩效目标表 (名称, 一级, 二级, 三级指标, the value or the 前年/上年/当年 values, 依据) as the model keeps it."""
    out: dict[str, Any] = {"name": row[0], "level1": row[1], "level2": row[2], "level3": row[3]}
    if annual:
        values = row[4:7]
        while values and not values[-1]:
            values.pop()
        out["values"] = values
        out["basis"] = row[7]
    else:
        out["value"] = row[4]
        out["basis"] = row[5]
    return {k: v for k, v in out.items() if v != ""}


def _model(form: _Form, declared: str, attachment: str | None, scale: Decimal) -> dict[str, Any] | None:
    f = form.fields
    if any(not f.get(k) for k in REQUIRED) or not declared or len(form.goal) != 2:
        return None
    try:
        start, end = int(f["start_year"]), int(f["end_year"])
    except ValueError:
        return None
    out: dict[str, Any] = {"declared_on": declared}
    if f.get("code"):
        out["code"] = f["code"]
    out.update({k: f[k] for k in REQUIRED if k not in ("start_year", "end_year")})
    out["start_year"], out["end_year"] = start, end
    total, current = amount(f.get("total_budget")), amount(f.get("current"))
    if total is not None and total != current:
        out["total_budget"] = total * scale
    purchases = [{"item": p[0], "quantity": p[1], "amount": (amount(p[2]) or Decimal(0)) * scale} for p in form.purchases]
    if purchases:
        out["purchases"] = purchases
    out["goal_name"], out["goal"] = form.goal
    if form.long_term:
        out["long_term"] = [indicator(r, False) for r in form.long_term]
    if form.annual:
        out["annual"] = [indicator(r, True) for r in form.annual]
    if attachment:
        out["attachment_label"] = attachment
    return out


def _details(form: _Form, scale: Decimal) -> list[dict[str, Any]] | None:
    out = []
    for d in form.details:
        value = amount(d[3])
        if value is None:
            return None
        entry: dict[str, Any] = {"activity": d[0], "content": d[1], "economic": d[2], "amount": value * scale}
        if d[4]:
            entry["basis"] = d[4]
        if d[5]:
            entry["note"] = d[5]
        out.append(entry)
    return out


def form_lines(lines: list[Line]) -> list[Line]:
    """The lines outside the tables that the forms were read from: their titles and 申报日期."""
    return [ln for ln in lines if _TITLE.search(ln.text) or _DECLARED.search(ln.text)]


def form_part(first_row: list[str | None]) -> bool:
    """Whether a table whose first row this is belongs to a 部门项目申报表."""
    return any(heads_with(first_row, head) for head in (DETAILS, PURCHASES, GOAL, INDICATORS)) or (
        _label_row(first_row) and any(squash(c) == "项目编码" for c in first_row if c)
    )


def project_forms(raw: list[RawTable], text: str, data: dict[str, Any], scale: Decimal) -> tuple[int, int]:
    """Each form read into its project of ``data["projects"]`` (``text``: the lines outside the tables,
    one a line); how many forms were placed, and how many could not be."""
    forms = _forms(raw)
    if not forms:
        return 0, 0
    declared = ["".join(day.split()) for day in _DECLARED.findall(text)]  # a date has no spaces
    titles = [m.group(1) for m in _TITLE.finditer(text)]
    titles = titles[-len(forms) :] if len(titles) >= len(forms) else [None] * len(forms)
    if len(declared) != len(forms):
        return 0, len(forms)
    projects = data.setdefault("projects", [])
    left = 0
    start = 0
    for form, day, attachment in zip(forms, declared, titles):
        model = _model(form, day, attachment, scale)
        details = _details(form, scale)
        current = amount(form.fields.get("current"))
        if model is None or details is None:
            left += 1
            continue
        name = form.fields.get("name", "")
        target = next((p for p in projects if p.get("name") == name and "form" not in p), None)
        if target is None:
            target = next((p for p in projects[start:] if "form" not in p and current is not None and p.get("amount") == current * scale), None)
        if target is None:
            left += 1
            continue
        start = projects.index(target) + 1
        if target.get("name") != name:
            target["form_name"] = name
        target["form"] = model
        if details:
            target["details"] = details
            if sum((d["amount"] for d in details), Decimal(0)) == target.get("amount"):
                del target["amount"]  # computed from the details
    return len(forms) - left, left
