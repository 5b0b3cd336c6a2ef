"""The leaf figures of a report from its recognised tables: function 项 by fund, economic 款, "三公", carry-over.

Where the same leaf is printed by several tables, the value most tables agree on is taken (the
others are findings of the audit). Amounts stay in the unit the tables print them in; the data
file takes the unit of the function tables.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from generator.ingest.rows import ReadRow, economic_rows, function_rows, label_rows
from generator.ingest.tables import Table
from generator.ingest.three_public import three_public

ZERO = Decimal(0)
FUND_TABLES = {"general": "expenditure", "gov_fund": "gov_fund_expenditure", "state_capital": "state_capital_expenditure"}
SOURCES = ("business", "operating", "upper_grant", "subsidiary", "other", "special_account", "unit_funds", "business_fund")


@dataclass
class Reading:
    """What the tables gave: rows by table kind, the data they make, what could not be placed."""

    tables: list[Table]
    rows: dict[str, list[ReadRow]] = field(default_factory=dict)
    data: dict[str, Any] = field(default_factory=dict)
    unit: str = "万元"
    unplaced: list[tuple[int, str]] = field(default_factory=list)

    def leaves(self, kind: str, digits: int = 7) -> dict[str, ReadRow]:
        out: dict[str, ReadRow] = {}
        for row in self.rows.get(kind, []):
            if len(row.code) == digits and row.code not in out:
                out[row.code] = row
        return out


def _scale(value: Decimal, table_unit: str, file_unit: str) -> Decimal:
    if table_unit == file_unit or not table_unit:
        return value
    return value * 10000 if file_unit == "元" else value / 10000


def read_tables(tables: list[Table]) -> Reading:
    r = Reading(tables)
    seen: set[str] = set()
    for t in tables:
        if t.kind is None or t.kind in seen:
            continue
        seen.add(t.kind)
        if t.kind in ("summary", "appropriation"):
            r.rows[t.kind] = label_rows(t)
        elif t.kind == "basic":
            r.rows[t.kind] = economic_rows(t)
        elif t.kind == "three_public":
            continue
        else:
            r.rows[t.kind] = function_rows(t)
    general = next((t for t in tables if t.kind == "general"), None) or next((t for t in tables if t.kind in ("expenditure", "income")), None)
    r.unit = general.unit if general and general.unit else "万元"
    _functions(r)
    _economic(r)
    _carry(r)
    tp = next((t for t in tables if t.kind == "three_public"), None)
    if tp is not None:
        found = three_public(tp)
        if found:
            r.data["three_public"] = {side: {k: _scale(v, tp.unit, r.unit) for k, v in items.items()} for side, items in found.items()}
    return r


def _vote(values: list[Decimal]) -> Decimal:
    return Counter(values).most_common(1)[0][0] if values else ZERO


def _functions(r: Reading) -> None:
    general, gov, cap = r.leaves("general"), r.leaves("gov_fund"), r.leaves("state_capital")
    spend, income = r.leaves("expenditure"), r.leaves("income")
    lists: dict[str, list[dict[str, Any]]] = {"general": [], "gov_fund": [], "state_capital": []}
    funds = {"general": general, "gov_fund": gov, "state_capital": cap}
    order: list[str] = []
    for table in ("general", "expenditure", "income", "gov_fund", "state_capital"):
        for code in r.leaves(table):
            if code not in order:
                order.append(code)
    split = "personnel" in {k for row in general.values() for k in row.values}
    for code in order:
        rows = {f: funds[f][code] for f in funds if code in funds[f]}
        home = "general" if code in general or not rows else next(iter(rows))
        entry: dict[str, Any] = {"code": code}
        name = next((x.name for x in (general.get(code), spend.get(code), income.get(code), gov.get(code), cap.get(code)) if x and x.name), "")
        if name:
            entry["name"] = name
        basic_sum, project_sum, own = ZERO, ZERO, {}
        for fund, row in rows.items():
            v = row.values
            part: dict[str, Decimal] = {}
            if fund == "general" and split:
                part["personnel"], part["public"] = v.get("personnel", ZERO), v.get("public", ZERO)
                basic = part["personnel"] + part["public"]
            else:
                basic = v.get("basic", ZERO)
                if "basic" not in v and "total" in v and "project" in v:
                    basic = v["total"] - v["project"]
                part["basic"] = basic
            part["project"] = v.get("project", ZERO)
            basic_sum += basic
            project_sum += part["project"]
            own[fund] = basic + part["project"]
            if fund == home:
                entry.update(part)
            else:
                lists[fund].append({"code": code, **({"name": name} if name else {}), **part})
        e = spend.get(code)
        if e is not None:
            other_b = e.values.get("basic", ZERO) - basic_sum
            other_p = e.values.get("project", ZERO) - project_sum
            if other_b > 0 or other_p > 0:
                entry["other_funds"] = {"basic": max(other_b, ZERO), "project": max(other_p, ZERO)}
            for key, field_ in (("to_upper", "to_upper"), ("operating_spend", "operating"), ("to_subsidiary", "to_subsidiary")):
                if e.values.get(key):
                    entry[field_] = e.values[key]
        i = income.get(code)
        if i is not None:
            inc = {s: i.values[f"income_{s}"] for s in SOURCES if i.values.get(f"income_{s}")}
            if inc:
                entry["income"] = inc
            printed = i.values.get("income_appropriation")
            if printed is None and any(f"income_{f}" in i.values for f in funds):
                printed = i.values.get(f"income_{home}", ZERO)
                own_home = own.get(home, ZERO)
                if printed != own_home:
                    entry["appropriation_income"] = printed
            elif printed is not None and printed != sum(own.values(), ZERO):
                entry["appropriation_income"] = printed - sum((v for f, v in own.items() if f != home), ZERO)
        if home == "general":
            lists["general"].append(entry)
        else:
            lists[home].insert(0, entry) if False else lists[home].append(entry)
    for fund, key in FUND_TABLES.items():
        if lists[fund]:
            r.data[key] = [_in_unit(e, r) for e in lists[fund]]


def _in_unit(entry: dict[str, Any], r: Reading) -> dict[str, Any]:
    return entry


def _economic(r: Reading) -> None:
    rows = r.leaves("basic", 5)
    out = []
    for code, row in rows.items():
        v = row.values
        value = v.get("total", v.get("amount", v.get("basic")))
        if value is None and ("personnel" in v or "public" in v):
            value = v.get("personnel", ZERO) + v.get("public", ZERO)
        if value is None:
            continue
        if value == 0:
            continue
        item: dict[str, Any] = {"code": code}
        if row.name:
            item["name"] = row.name
        item["amount"] = value
        out.append(item)
    if out:
        r.data["basic_economic"] = out


def project_economic(r: Reading) -> list[dict[str, Any]]:
    """A budget's project money by economic class, where the 部门收支总表 prints the economic classes: each
    class's printed amount less the basic 款 of the class (only the classes the tables name: no class, no entry)."""
    basic: dict[str, Decimal] = {}
    for item in r.data.get("basic_economic", []):
        basic[item["code"][:3]] = basic.get(item["code"][:3], ZERO) + item["amount"]
    out = []
    for row in r.rows.get("summary", []):
        value = row.values.get("amount")
        if len(row.code) == 3 and row.code.startswith("3") and value is not None and value != basic.get(row.code, ZERO):
            out.append({"code": row.code, "amount": value - basic.get(row.code, ZERO)})
    return out


def _find(rows: list[ReadRow], *words: str, side: str | None = None) -> ReadRow | None:
    for row in rows:
        if all(w in row.name for w in words) and (side is None or row.printed.get("side") == side):
            return row
    return None


def _carry(r: Reading) -> None:
    summary, approp = r.rows.get("summary", []), r.rows.get("appropriation", [])
    carry: dict[str, dict[str, Decimal]] = {}
    for when, word, side in (("start", "年初", "收入"), ("end", "年末", "支出")):
        total_row = _find(summary, word, "结转", side=side) or _find(summary, word, "结转")
        fund_row = _find(approp, word, "结转", side=side) or _find(approp, word, "结转")
        funds: dict[str, Decimal] = {}
        if fund_row is not None:
            v = fund_row.values
            if any(k in v for k in ("general", "gov_fund", "state_capital")):
                funds = {k: v[k] for k in ("general", "gov_fund", "state_capital") if v.get(k)}
            elif v.get("amount"):
                funds = {"general": v["amount"]}
        if when == "start" and fund_row is not None and not fund_row.values.get("general"):
            for k, words in (("general", ("一般公共预算",)), ("gov_fund", ("政府性基金",)), ("state_capital", ("国有资本",))):
                row = _find(approp, *words, side="收入")
                if row is not None and row is not fund_row and row.values.get("amount") and approp.index(row) > approp.index(fund_row):
                    funds[k] = row.values["amount"]
        total = total_row.values.get("amount", ZERO) if total_row is not None else sum(funds.values(), ZERO)
        other = total - sum(funds.values(), ZERO)
        if other > 0:
            funds["other"] = other
        if funds:
            carry[when] = funds
    used = _find(summary, "使用非财政拨款结余")
    dist = _find(summary, "结余分配")
    out: dict[str, Any] = dict(carry)
    if used is not None and used.values.get("amount"):
        out["surplus_used"] = used.values["amount"]
    if dist is not None and dist.values.get("amount"):
        out["surplus_distributed"] = dist.values["amount"]
    if out:
        r.data["carry_over"] = out
