"""Rounding moves of an import: a leaf moved by the cent a report's own rounding left, never more, never in 元."""

from __future__ import annotations

from decimal import Decimal as D
from typing import Any

from generator.ingest.assemble import Reading
from generator.ingest.reconcile import reconcile
from generator.ingest.rows import ReadRow
from generator.ingest.tables import Table


def _row(kind: str, code: str, name: str, page: int = 1, **values: str) -> ReadRow:
    table = Table(kind, "", page, "万元", [], [])
    return ReadRow(table, page, code, name, {k: D(v) for k, v in values.items()}, dict(values))


def _reading(**rows: list[ReadRow]) -> Reading:
    r = Reading([])
    r.rows = dict(rows)
    return r


def _econ(data: dict[str, Any]) -> dict[str, D]:
    return {e["code"]: e["amount"] for e in data["basic_economic"]}


def _data(unit: str = "万元") -> dict[str, Any]:
    return {
        "unit": unit,
        "kind": "final",
        "expenditure": [{"code": "2010101", "basic": D("100.50"), "project": D(0)}],
        "basic_economic": [
            {"code": "30101", "amount": D("60.00")},
            {"code": "30199", "amount": D("40.01")},
            {"code": "30201", "amount": D("0.50")},
        ],
    }


def test_a_class_printed_a_cent_off_its_items_moves_the_other_item() -> None:
    # 301 prints 100.00 over 60.00 + 40.01 = 100.01: 其他工资福利支出 (30199) takes the gap, 40.01 − 0.01 = 40.00 …
    # … and then basic by economic class, 100.00 + 0.50 = 100.50, is the function table's 100.50: nothing else moves.
    data = _data()
    reading = _reading(basic=[_row("basic", "301", "工资福利支出", amount="100.00"), _row("basic", "302", "商品和服务支出", amount="0.50")])
    written, moves = reconcile(data, reading)
    assert _econ(written) == {"30101": D("60.00"), "30199": D("40.00"), "30201": D("0.50")}
    assert [(m.code, m.printed, m.entered) for m in moves] == [("30199", D("40.01"), D("40.00"))]
    assert _econ(data)["30199"] == D("40.01")  # the data read keeps the leaf as printed


def test_a_gap_beyond_rounding_is_left_to_the_checks() -> None:
    data = _data()
    data["basic_economic"][1]["amount"] = D("40.50")  # 301: 100.00 printed, 100.50 listed: not a rounding gap
    reading = _reading(basic=[_row("basic", "301", "工资福利支出", amount="100.00")])
    written, moves = reconcile(data, reading)
    assert moves == [] and _econ(written)["30199"] == D("40.50")


def test_amounts_kept_in_yuan_are_never_moved() -> None:
    data = _data("元")
    reading = _reading(basic=[_row("basic", "301", "工资福利支出", amount="100.00")])
    written, moves = reconcile(data, reading)
    assert moves == [] and written is data


def test_a_row_total_wins_over_its_rounded_parts() -> None:
    # 合计 1092.80 printed beside 基本 1084.02 + 项目 8.77 = 1092.79: basic becomes 1092.80 − 8.77 = 1084.03; the money
    # of other funds (支出表 basic 1096.91 − 1084.02 = 12.89 as read) becomes 1096.91 − 1084.03 = 12.88, and the printed
    # 财政拨款收入 1092.80 now equals the row: no separate appropriation_income.
    data = {
        "unit": "万元",
        "kind": "final",
        "expenditure": [
            {
                "code": "2120101",
                "basic": D("1084.02"),
                "project": D("8.77"),
                "other_funds": {"basic": D("12.89"), "project": D(0)},
                "appropriation_income": D("1092.80"),
            }
        ],
    }
    reading = _reading(general=[_row("general", "2120101", "行政运行", total="1092.80", basic="1084.02", project="8.77")])
    written, moves = reconcile(data, reading)
    row = written["expenditure"][0]
    assert (row["basic"], row["other_funds"]["basic"]) == (D("1084.03"), D("12.88"))
    assert "appropriation_income" not in row
    assert len(moves) == 1 and moves[0].field == "基本支出"


def test_the_column_total_moves_the_leaf_of_the_class_another_table_prints_off() -> None:
    # 一般公共预算 table: 合计 basic 150.00; leaves 100.00 + 50.01 = 150.01. The 总表 prints 208 as 50.00 (its leaves
    # 50.01): the gap sits in 208, so 2080599 moves, 50.01 − 0.01 = 50.00, not the larger 2010101.
    data = {
        "unit": "万元",
        "kind": "final",
        "expenditure": [{"code": "2010101", "basic": D("100.00")}, {"code": "2080599", "basic": D("50.01")}],
    }
    reading = _reading(
        general=[_row("general", "", "合计", basic="150.00")],
        summary=[_row("summary", "208", "社会保障和就业支出", amount="50.00")],
    )
    written, moves = reconcile(data, reading)
    assert [e["basic"] for e in written["expenditure"]] == [D("100.00"), D("50.00")]
    assert [m.code for m in moves] == ["2080599"]
