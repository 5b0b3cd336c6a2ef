"""A department of several units: each unit's own rows, the department's figures computed as their sums."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from generator.build import check_file, prepare
from generator.errors import DataErrors
from generator.read.load import load_report

from .conftest import DATA

COMMERCE = DATA / "putuo-commerce" / "2025-budget.yaml"
CENTRE = {"2011350", "2080502", "2101102"}
"""The rows of the 事业单位 (上海市普陀区中小企业服务中心) in the commerce example."""


def _write(tmp_path: Path, data: object) -> Path:
    target = tmp_path / "putuo-commerce" / "2025-budget.yaml"
    target.parent.mkdir(exist_ok=True)
    buf = io.StringIO()
    YAML().dump(data, buf)
    target.write_text(buf.getvalue(), encoding="utf-8")
    return target


def _by_units(tmp_path: Path, keep_department_rows: bool = False) -> Path:
    yaml = YAML()
    data = yaml.load(COMMERCE.read_text(encoding="utf-8"))
    rows = data["expenditure"]
    office, centre = data["department"]["units"]
    office["expenditure"] = [r for r in rows if r["code"] not in CENTRE]
    centre["expenditure"] = [r for r in rows if r["code"] in CENTRE]
    # the office also pays part of 事业运行: two units, one code
    office["expenditure"].append({"code": "2011350", "basic": 100000.00})
    centre["expenditure"][0]["basic"] = 2801820.00
    if not keep_department_rows:
        del data["expenditure"]
    return _write(tmp_path, data)


def test_department_rows_are_the_sums_of_the_units(tmp_path: Path) -> None:
    whole = load_report(COMMERCE).report
    split = load_report(_by_units(tmp_path)).report
    as_dict = lambda rows: {r.code: (r.basic, r.project) for r in rows}  # noqa: E731
    assert as_dict(split.expenditure) == as_dict(whole.expenditure)
    assert not [i for i in check_file(_by_units(tmp_path)) if i.is_error]


def test_units_table_prints_each_units_spending(tmp_path: Path) -> None:
    doc, _ = prepare(_by_units(tmp_path))
    grids = next(b.data for p in doc.parts for b in p.blocks if getattr(b, "name", "") == "grids" and b.data and b.data[0].cls == "form")
    rows = [[c.text for c in r] for r in grids[0].rows]
    assert rows[0][1] == "商务委本部" and rows[1][1] == "上海市普陀区中小企业服务中心"
    # 中心: 2,801,820 + 17,280 + 249,862 元; the office the rest; the 合计 is the department's 371,514,655.00
    assert rows[1][3:] == ["3,068,962.00", "3,068,962.00", ""]
    assert rows[2][0] == "合计" and rows[2][1:] == ["371,514,655.00", "19,830,655.00", "351,684,000.00"]


def test_rows_given_twice_are_refused_where_the_units_stand(tmp_path: Path) -> None:
    with pytest.raises(DataErrors) as err:
        load_report(_by_units(tmp_path, keep_department_rows=True))
    (issue,) = err.value.issues
    assert "部门一级不能再填写" in issue.message
    text = (tmp_path / "putuo-commerce" / "2025-budget.yaml").read_text(encoding="utf-8").splitlines()
    assert text[issue.pos.line - 1].strip() == "- name: 商务委本部"  # the first unit of department.units


def test_a_summed_row_is_reported_at_its_first_unit_row(tmp_path: Path) -> None:
    path = _by_units(tmp_path)
    text = path.read_text(encoding="utf-8").replace("code: '2169999'", "code: '2169998'")
    path.write_text(text, encoding="utf-8")
    issues = [i for i in check_file(path) if "2169998" in i.message]
    assert issues
    lines = text.splitlines()
    assert "2169998" in lines[issues[0].pos.line - 1]
