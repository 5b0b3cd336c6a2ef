"""The rules a set of printed tables obeys, as relations ``target = sum of parts`` between printed cells:
totals and subtotals of each table, row identities (合计 = 基本支出 + 项目支出 …), the two summary
tables' sides, the "三公" table, and the same figure printed in two tables.

A relation holds when rounding some sum the parts may stand for gives the printed target
(display rounding is no error).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from generator.audit.numbers import ZERO, Shown, Span, reaches, shown
from generator.ingest.cells import amount, is_blank_amount, squash
from generator.ingest.rows import ReadRow
from generator.ingest.run import Imported
from generator.ingest.tables import KINDS, Table

KEY_NAMES = {
    "total": "合计",
    "basic": "基本支出",
    "project": "项目支出",
    "personnel": "人员经费",
    "public": "公用经费",
    "amount": "金额",
    "income": "本年收入",
    "carry_start": "年初结转和结余",
    "carry_end": "年末结转和结余",
    "general": "一般公共预算",
    "gov_fund": "政府性基金",
    "state_capital": "国有资本经营",
    "to_upper": "上缴上级支出",
    "operating_spend": "经营支出",
    "to_subsidiary": "对附属单位补助支出",
    "income_appropriation": "财政拨款收入",
    "income_general": "一般公共预算财政拨款收入",
    "income_gov_fund": "政府性基金预算财政拨款收入",
    "income_state_capital": "国有资本经营预算财政拨款收入",
    "income_business": "事业收入",
    "income_operating": "经营收入",
    "income_upper_grant": "上级补助收入",
    "income_subsidiary": "附属单位上缴收入",
    "income_other": "其他收入",
    "outbound": "因公出国（境）费",
    "vehicle": "公务用车购置及运行费",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行费",
    "reception": "公务接待费",
}
FUNCTION_KINDS = ("general", "expenditure", "income", "gov_fund", "state_capital")
SPENDING_PARTS = ("basic", "project", "to_upper", "operating_spend", "to_subsidiary")


@dataclass(eq=False)
class Cell:
    row: ReadRow
    key: str

    @property
    def printed(self) -> Shown | None:
        return shown(self.row.printed.get(self.key))

    @property
    def value(self) -> Decimal:
        return self.row.values.get(self.key, ZERO)

    @property
    def text(self) -> str:
        return self.row.printed.get(self.key, "")

    def span(self, fixed: Decimal | None = None) -> Span:
        p = self.printed
        half = p.half if p is not None else ZERO
        return Span.around(self.value if fixed is None else fixed, half)

    @property
    def where(self) -> str:
        title = self.row.table.title or KINDS.get(self.row.table.kind or "", "表")
        label = self.row.code + (" " if self.row.code and self.row.name else "") + self.row.name if (self.row.code or self.row.name) else "合计"
        return f"{title} {label}（{KEY_NAMES.get(self.key, self.key)}）"


@dataclass(eq=False)
class Relation:
    target: Cell
    parts: list[Cell]
    why: str
    check: str = "表内合计"

    def cells(self) -> list[Cell]:
        return [self.target, *self.parts]

    def holds(self, fix: dict[int, Decimal] | None = None) -> bool:
        fix = fix or {}
        total = Span.exact(ZERO)
        for p in self.parts:
            total = total + p.span(fix.get(id(p)))
        t = self.target
        value = fix.get(id(t), t.value)
        printed = t.printed
        places = printed.places if printed is not None else 2
        return reaches(Shown(value, places, ""), total)

    def required(self, cell: Cell) -> Decimal:
        """The value ``cell`` must have for the relation to hold on the printed figures."""
        parts = sum((p.value for p in self.parts), ZERO)
        if cell is self.target:
            return parts
        return self.target.value - (parts - cell.value)


def _label(row: ReadRow) -> str:
    return re.sub(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、])", "", squash(row.name)).replace("（类）", "")


def _sum_relations(kind: str, rows: list[ReadRow]) -> list[Relation]:
    digits = 5 if kind == "basic" else 7
    leaves = [r for r in rows if len(r.code) == digits]
    out: list[Relation] = []
    for row in rows:
        name = squash(row.name)
        if len(row.code) == digits or not (row.code or row.is_total or "合计" in name):
            continue
        if row.code:
            parts = [leaf for leaf in leaves if leaf.code.startswith(row.code)]
            what = "所列明细之和"
        elif kind == "basic" and "人员经费" in name:
            parts = [leaf for leaf in leaves if leaf.code[:3] in ("301", "303")]
            what = "人员经费（301、303）明细之和"
        elif kind == "basic" and "公用经费" in name:
            parts = [leaf for leaf in leaves if leaf.code[:3] not in ("301", "303")]
            what = "公用经费明细之和"
        elif row.is_total:
            parts = leaves
            what = "所列明细之和"
        else:
            continue
        if not parts:
            continue
        for key in row.printed:
            if key == "side" or any(key in p.unread for p in parts):
                continue
            label = "合计" if not row.code else "小计"
            out.append(Relation(Cell(row, key), [Cell(p, key) for p in parts], f"印出的{label}与{what}不符（{len(parts)} 行）"))
    return out


def _row_relations(kind: str, rows: list[ReadRow]) -> list[Relation]:
    out: list[Relation] = []
    for row in rows:
        v = row.values
        if row.unread:
            continue
        if kind in ("general", "expenditure", "gov_fund", "state_capital") and "total" in row.printed and "basic" in v and "project" in v:
            parts = [k for k in SPENDING_PARTS if k in v]
            names = "、".join(KEY_NAMES[k] for k in parts)
            out.append(Relation(Cell(row, "total"), [Cell(row, k) for k in parts], f"合计不等于{names}之和"))
        top = "basic" if "basic" in v else "total" if kind == "basic" else None
        if top and top in row.printed and "personnel" in v and "public" in v:
            out.append(Relation(Cell(row, top), [Cell(row, "personnel"), Cell(row, "public")], f"{KEY_NAMES[top]}不等于人员经费与公用经费之和"))
    return out


_ORDINAL = re.compile(r"^[一二三四五六七八九十廿]+、")
FUNDS = ("general", "gov_fund", "state_capital")


def _summary_relations(kind: str, rows: list[ReadRow]) -> list[Relation]:
    """A two-sided summary table: each side's numbered rows (一、二、… or 类 codes) against the 合计 after them,
    and a row's 小计 against its fund columns."""
    out: list[Relation] = []
    parts: list[ReadRow] = []
    side = None
    for row in rows:
        name = squash(row.name)
        if row.printed.get("side") != side:
            side, parts = row.printed.get("side"), []
        if "合计" in name and not row.code:
            for key in row.printed:
                if key == "side" or not parts or any(key in p.unread for p in parts):
                    continue
                out.append(Relation(Cell(row, key), [Cell(p, key) for p in parts], f"印出的{name}与其上所列各行之和不符（{len(parts)} 行）"))
            parts = []
        elif _ORDINAL.match(name) or len(row.code) == 3:
            parts.append(row)
        keys = [k for k in row.values if k in FUNDS]
        if "total" in row.printed and keys and set(row.values) - {"side"} <= {"total", *FUNDS} and not row.unread:
            why = f"小计不等于{'、'.join(KEY_NAMES[k] for k in keys)}之和"
            out.append(Relation(Cell(row, "total"), [Cell(row, k) for k in keys], why))
    return out


_TP_ROLES = (
    ("购置及运行", "vehicle"),
    ("小计", "vehicle"),
    ("合计", "total"),
    ("出国", "outbound"),
    ("购置", "vehicle_purchase"),
    ("运行", "vehicle_operation"),
    ("接待", "reception"),
)


def _tp_role(labels: list[str]) -> str | None:
    for label in reversed(labels):
        for word, role in _TP_ROLES:
            if word in label:
                return role
    return None


def _tp_row(table: Table, name: str, cells: dict[str, str]) -> ReadRow:
    row = ReadRow(table, table.page, "", name)
    for key, text in cells.items():
        number = amount(text)
        if number is not None:
            row.values[key], row.printed[key] = number, squash(text)
        elif is_blank_amount(text):
            row.values[key] = ZERO
        else:
            row.unread[key] = squash(text)
    return row


def _three_public_rows(table: Table) -> list[ReadRow]:
    """The "三公" table as one row per side (预算数, 决算数), whichever way it is printed."""
    grid = table.grid or []
    at = next(
        (
            k
            for k, r in enumerate(grid)
            if sum(1 for c in r if amount(c) is not None) >= 2 and not all(squash(c).isdigit() and len(squash(c)) <= 2 for c in r if squash(c))
        ),
        None,
    )
    sides: dict[str, dict[str, str]] = {}
    if at is not None and at > 0 and not any(squash(c) and amount(c) is None and not is_blank_amount(c) for c in grid[at]):
        for i, cell in enumerate(grid[at]):
            labels = [squash(h[i]) for h in grid[:at] if i < len(h) and squash(h[i])]
            role = _tp_role([lb for lb in labels if not lb.isdigit()])
            if role is None or any("机关运行" in lb for lb in labels):
                continue
            side = "决算数" if any("决算" in lb for lb in labels) else "预算数"
            sides.setdefault(side, {}).setdefault(role, cell)
    else:
        for r in grid:
            role = _tp_role([squash(r[0])]) if r else None
            if role is None:
                continue
            cell = next((c for c in r[1:] if squash(c)), "")
            sides.setdefault("预算数", {}).setdefault(role, cell)
    return [_tp_row(table, name, cells) for name, cells in sides.items()]


def _three_public_relations(imported: Imported) -> list[Relation]:
    table = next((t for t in imported.tables if t.kind == "three_public"), None)
    out: list[Relation] = []
    for row in _three_public_rows(table) if table is not None else []:
        v = row.values
        if row.unread:
            continue
        if "vehicle" in row.printed and "vehicle_purchase" in v and "vehicle_operation" in v:
            out.append(
                Relation(Cell(row, "vehicle"), [Cell(row, "vehicle_purchase"), Cell(row, "vehicle_operation")], "公务用车购置及运行费不等于购置费与运行费之和")
            )
        items = ["outbound", "vehicle" if "vehicle" in v else "vehicle_purchase", "reception"] + ([] if "vehicle" in v else ["vehicle_operation"])
        if "total" in row.printed and all(k in v for k in items):
            out.append(Relation(Cell(row, "total"), [Cell(row, k) for k in items], "“三公”经费合计不等于各项之和"))
    return out


def _class_rows(rows: list[ReadRow]) -> dict[str, tuple[ReadRow, list[ReadRow]]]:
    """Each class by name: its row and the 项 under it (a sum of rounded 项 may differ from the class as printed)."""
    leaves = [r for r in rows if len(r.code) == 7]
    return {_label(r): (r, [leaf for leaf in leaves if leaf.code.startswith(r.code)] or [r]) for r in rows if len(r.code) == 3}


def _cross_relations(imported: Imported) -> list[Relation]:
    """The same figure in two tables: class rows of the two summary tables, basic spending by economic class."""
    rows = imported.reading.rows
    out: list[Relation] = []
    spend = _class_rows(rows.get("expenditure", []))
    funds = {k: _class_rows(rows.get(k, [])) for k in ("general", "gov_fund", "state_capital")}
    for kind, pairs in (("summary", (("amount", spend, "支出表"),)), ("appropriation", tuple((k, funds[k], KINDS[k]) for k in funds))):
        for row in rows.get(kind, []):
            if row.printed.get("side") != "支出" or row.unread:
                continue
            label = _label(row)
            for key, classes, other in pairs:
                found = classes.get(label)
                if key not in row.printed or found is None or "total" not in found[0].values or any(p.unread for p in found[1]):
                    continue
                source, parts = found
                out.append(Relation(Cell(row, key), [Cell(p, "total") for p in parts], f"与{source.table.title or other}中同一类的合计不符", "跨表"))
    general_total = next((r for r in rows.get("general", []) if r.is_total), None)
    basic_rows = rows.get("basic", [])
    if general_total is not None and basic_rows and not general_total.unread:
        for key, words in (("basic", ("合计",)), ("personnel", ("人员经费", "合计")), ("public", ("公用经费", "合计"))):
            if key not in general_total.printed:
                continue
            match = next((r for r in basic_rows if not r.code and all(w in squash(r.name) for w in words) and (key != "basic" or r.is_total)), None)
            if match is None or match.unread:
                continue
            amount_key = next((k for k in ("total", "amount", "basic") if k in match.printed), None)
            if amount_key is None:
                continue
            why = f"与{match.table.title or KINDS['basic']}的{squash(match.name)}不符"
            out.append(Relation(Cell(general_total, key), [Cell(match, amount_key)], why, "跨表"))
    return out


def relations(imported: Imported) -> list[Relation]:
    out: list[Relation] = []
    for kind, rows in imported.reading.rows.items():
        if kind in ("summary", "appropriation"):
            out += _summary_relations(kind, rows)
            continue
        out += _sum_relations(kind, rows)
        out += _row_relations(kind, rows)
    return out + _three_public_relations(imported) + _cross_relations(imported)
