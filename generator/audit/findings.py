"""Discrepancies of a published report: printed totals against their rows, sentence figures against the tables.

Only figures that were read are compared: a cell or a sentence the importer could not read is
listed as unread, never as wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from generator.errors import DataErrors, UserError
from generator.ingest.draft import facts_of, load_data
from generator.ingest.run import Imported
from generator.ingest.tables import KINDS

ZERO = Decimal(0)
SUMMED = (
    "total",
    "basic",
    "project",
    "personnel",
    "public",
    "amount",
    "income_appropriation",
    "income_other",
    "income_business",
    "income_operating",
    "income_upper_grant",
    "income_subsidiary",
    "to_upper",
    "operating_spend",
    "to_subsidiary",
)
# share.eval is left out: it rests on the self-evaluated projects, which the import does not read
SENTENCE_FACTS = re.compile(
    r"^(grand_total|appropriation_total|income_total|spending_total|spending_basic|spending_project|total|basic|"
    r"personnel|public|share\.(?!eval$)[a-z_]+|tp\.(total|outbound|vehicle|vehicle_purchase|vehicle_operation|reception)|"
    r"tp_budget\.[a-z_]+|econ\.\d+)$"
)


@dataclass
class Finding:
    page: int
    where: str
    printed: str
    expected: str
    why: str
    kind: str = "wrong"
    """wrong (an inconsistency) or unread (a figure that could not be read)."""


def _num(text: str) -> Decimal | None:
    s = text.replace(",", "").replace("%", "").strip()
    try:
        return Decimal(s)
    except Exception:
        return None


def table_findings(imported: Imported) -> list[Finding]:
    out: list[Finding] = []
    for kind, rows in imported.reading.rows.items():
        if kind in ("summary", "appropriation"):
            continue
        digits = 5 if kind == "basic" else 7
        leaves = [r for r in rows if len(r.code) == digits]
        for row in rows:
            for text in row.unread.values():
                out.append(Finding(row.page, f"{row.table.title} {row.code or row.name}", text, "", "无法读取的数字", "unread"))
            if len(row.code) == digits or not (row.code or row.is_total):
                continue
            parts = [ln for ln in leaves if ln.code.startswith(row.code)] if row.code else leaves
            if not parts:
                continue
            for key in SUMMED:
                if key not in row.printed or any(key in p.unread for p in parts):
                    continue
                expected = sum((p.values.get(key, ZERO) for p in parts), ZERO)
                printed = row.values[key]
                if printed != expected:
                    label = "合计" if row.is_total else f"{row.code} {row.name}"
                    out.append(
                        Finding(
                            row.page,
                            f"{row.table.title or KINDS[kind]} {label}（{key}）",
                            row.printed[key],
                            f"{expected:,.2f}",
                            f"印出的{'合计' if row.is_total else '小计'}与所列明细之和不符（{len(parts)} 行）",
                        )
                    )
        for row in rows:
            v = row.values
            if "total" in row.printed and "basic" in v and "project" in v and kind in ("general", "expenditure") and len(v) <= 4:
                if v["total"] != v["basic"] + v["project"]:
                    out.append(
                        Finding(
                            row.page,
                            f"{row.table.title} {row.code or row.name}",
                            row.printed["total"],
                            f"{v['basic'] + v['project']:,.2f}",
                            "合计不等于基本支出与项目支出之和",
                        )
                    )
    return out


def sentence_findings(imported: Imported) -> list[Finding]:
    """Figures of sentences against what the tables give (the report's own leaves)."""
    profile = imported.match.profile
    if profile is None:
        return []
    try:
        report = load_data(imported.data)
        facts = facts_of(report, profile)
    except (DataErrors, UserError):
        return []
    out: list[Finding] = []
    for f in imported.found:
        if f.list_name:
            continue
        for name, printed in f.fields.items():
            if not SENTENCE_FACTS.match(name) or name not in facts.values:
                continue
            expected = facts.values[name]
            a, b = _num(printed), _num(expected)
            if a is None or b is None:
                continue
            if a != b:
                out.append(Finding(f.page, f"句子“{f.template[:24]}…”中的 {{{name}}}", printed, expected, "与表格数据计算的结果不符"))
    return out


def audit(imported: Imported) -> list[Finding]:
    return table_findings(imported) + sentence_findings(imported)
