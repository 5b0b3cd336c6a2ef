"""Turn loaded values into typed models; translate every validation error into Chinese."""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError

from generator.errors import DataErrors, Issue, error
from generator.model import REPORT, Report
from generator.model.base import PER_WAN
from generator.read.sources import PositionMap

_CUSTOM = {
    "not_amount": "应为金额数字（如 12.34），不能是文字、布尔值或空值",
    "negative_amount": "金额不能为负数",
    "huge_amount": "金额过大（请检查单位 unit 与是否多输入了位数）",
    "decimals_wan": "金额最多保留两位小数（单位万元，即精确到百元）；请按公开口径四舍五入后填写",
    "decimals_yuan": "金额最多保留两位小数（单位元，即精确到分）",
    "decimals_points": "分值最多保留两位小数",
    "not_count": "应为不小于 0 的整数",
    "code_not_string": '科目编码须加引号写成文字，如 "2010301"，以免被当作数字',
    "code_not_digits": "科目编码只能由数字组成",
    "basic_and_split": "已给出人员经费/公用经费，不能再给出 basic（基本支出由二者相加得出）",
    "total_and_split": "已给出基本支出/项目支出，不能再给出 total（合计由二者相加得出）",
    "units_and_department": "各单位已分别填写了这项数据，部门一级不能再填写（部门数据由各单位相加得出）",
    "missing_expenditure": "缺少 expenditure（按功能分类科目的支出）：请在部门一级或在各单位（department.units）下填写",
    "missing_basic_economic": "缺少 basic_economic（基本支出经济分类）：请在部门一级或在各单位（department.units）下填写",
    "block_one_kind": "每个块须且只能是 p、items、table、heading 中的一种",
    "profile_block_one_kind": "每个正文块须且只能是 say、text、list、numbered、partial、chart、forms、table、glossary、page_break 中的一种",
    "profile_list_item": "list 块须同时给出 item（每一项的句式）",
    "profile_node_title": "每个节点须且只能有 part 或 title 之一",
}

_AT: dict[str, tuple[str | int, ...]] = {
    "units_and_department": ("department", "units"),
    "missing_expenditure": ("kind",),
    "missing_basic_economic": ("kind",),
}
"""Where a whole-report rule is reported (a whole report has no position of its own)."""

_BY_TYPE = {
    "missing": "缺少必填项",
    "extra_forbidden": "未知的键（请检查拼写，或删除该项）",
    "string_type": "应为文字",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "list_type": "应为列表（每项以“- ”开头）",
    "dict_type": "应为键值映射（key: value）",
    "model_type": "应为键值映射（key: value）",
    "model_attributes_type": "应为键值映射（key: value）",
    "literal_error": "取值不在允许范围内",
    "too_short": "至少需要一项",
    "greater_than_equal": "数值过小",
    "less_than_equal": "数值过大",
    "union_tag_invalid": "kind 只能是 budget（预算）或 final（决算）",
    "union_tag_not_found": "缺少 kind（budget 或 final）",
    "decimal_type": "应为金额数字",
    "decimal_parsing": "应为金额数字",
}


def _message(err: dict[str, Any]) -> str:
    kind = err["type"]
    if kind == "value_error":
        raw = str(err.get("ctx", {}).get("error", ""))
        return _CUSTOM.get(raw, raw or "取值无效")
    if kind == "literal_error" and err["loc"] and err["loc"][-1] == "kind":
        return _BY_TYPE["union_tag_invalid"]
    if kind in ("int_parsing", "int_type") and isinstance(err.get("input"), str):
        return "应为整数，不能是文字"
    return _BY_TYPE.get(kind, f"取值无效（{kind}）")


def _path(loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """Drop the union-member names pydantic inserts (budget/final and str/Cell)."""
    out: list[str | int] = []
    for i, part in enumerate(loc):
        if i == 0 and part in ("budget", "final"):
            continue
        if isinstance(part, str) and (part in ("str", "Cell") or part.startswith("function-")):
            continue
        out.append(part)
    return tuple(out)


def _key(part: str) -> str:
    """A key as a message shows it: quoted and escaped when empty or holding control characters."""
    return part if part and part.isprintable() else json.dumps(part, ensure_ascii=False)


def _dotted(path: tuple[str | int, ...]) -> str:
    """A key path as messages show it; list positions count from 1 (expenditure[1] is the first row)."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{_key(str(part))}" if text else _key(str(part)))
    return text


def to_report(raw: dict[str, Any], positions: PositionMap) -> Report:
    """Validate raw values; raise DataErrors listing every problem with its position."""
    unit = raw.get("unit", "万元") if isinstance(raw, dict) else "万元"
    divisor = PER_WAN.get(unit) if isinstance(unit, str) else None
    try:
        return REPORT.validate_python(raw, context={"divisor": divisor})
    except ValidationError as exc:
        raise DataErrors(issues_from(exc, positions)) from None


def issues_from(exc: Exception, positions: PositionMap) -> list[Issue]:
    """Every error of a pydantic ValidationError as a positioned Issue (in Chinese)."""
    if not isinstance(exc, ValidationError):
        raise exc
    issues: list[Issue] = []
    seen: set[tuple[Any, ...]] = set()
    for err in exc.errors():
        path = _path(tuple(err["loc"]))
        key = (path, err["type"])
        if key in seen:
            continue
        seen.add(key)
        where = _dotted(path)
        text = _message(dict(err))
        if not path and err["type"] == "value_error":
            path = _AT.get(str(err.get("ctx", {}).get("error", "")), path)
        issues.append(error(positions.pos(path), f"{where}：{text}" if where else text, "schema"))
    return issues
