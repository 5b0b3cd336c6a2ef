"""`disclosure rollover FILE`: next year's data file, started from this year's.

This year's computed figures become ``previous`` (the comparison); codes, projects, texts and
figures (and the reasons that explain them) are carried over as a draft, with comments kept; and
every carried-over text and figure is listed in ``review``, so that ``check`` warns about each
until someone confirms it by deleting its line.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import click
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.build import inspect
from generator.commands.outputs import write_atomic
from generator.errors import DataErrors, UserError
from generator.model.base import PER_WAN
from generator.read.drafts import dotted
from generator.read.load import previous_from, sibling

KEPT = ("profile", "kind", "year", "unit", "codes", "names", "department", "previous", "review")
"""Top-level keys that are not carried over for review: settings, names, the department, the comparison."""


def _yaml() -> YAML:
    yaml = YAML()  # round trip: comments, order and quoting are kept
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(Decimal, lambda r, d: r.represent_scalar("tag:yaml.org,2002:float", amount_text(d)))
    return yaml


def amount_text(value: Decimal) -> str:
    """An amount as a data file writes it: 10.00, 2.90, 0.1234 (never in exponent notation)."""
    exact = format(value.normalize(), "f")
    return f"{value:.2f}" if "." not in exact or len(exact.split(".")[1]) <= 2 else exact


def review_items(data: CommentedMap) -> list[str]:
    """Key paths of every carried-over text and figure: each row of a list, each key of a mapping."""
    items: list[str] = []
    for key, value in data.items():
        if key in KEPT:
            continue
        if isinstance(value, CommentedSeq):
            items += [dotted((key, i)) for i in range(len(value))]
        elif isinstance(value, CommentedMap):
            items += [dotted((key, k)) for k in value]
        else:
            items.append(dotted((key,)))
    return items


def previous_block(report: Any, unit: str) -> CommentedMap:
    """This year's comparable figures, in the file's unit, as next year's ``previous``."""
    per = PER_WAN[unit]
    prev = previous_from(report)
    block = CommentedMap()
    for name, value in prev:
        if value is None:
            continue
        if isinstance(value, Decimal):
            block[name] = value * per
        else:
            block[name] = CommentedMap((k, v * per) for k, v in value)
    return block


def rollover(path: Path, force: bool = False) -> Path:
    loaded, profile, issues = inspect(path)
    errors = [i for i in issues if i.is_error]
    if errors:
        raise DataErrors(errors)
    report = loaded.report
    target = sibling(path, report.year + 1, report.kind)
    if target.exists() and not force:
        raise UserError(f"{target} 已存在；如要覆盖，请加 --force")
    yaml = _yaml()
    data = yaml.load(path.read_text(encoding="utf-8"))
    if not isinstance(data, CommentedMap):
        raise UserError(f"{path} 不是数据文件")
    data["year"] = report.year + 1
    data.pop("previous", None)
    data.pop("review", None)
    data["previous"] = previous_block(report, data.get("unit", "万元"))
    data.yaml_set_comment_before_after_key("previous", before=f"{report.year} 年的数据（由 {path.name} 计算得出），作为本年的比较基数")
    items = review_items(data)
    data.insert(list(data.keys()).index("year") + 1, "review", CommentedSeq(items))
    data.yaml_set_comment_before_after_key(
        "review", before=f"以下各项沿用 {report.year} 年的数据和文字，尚待核对；逐项核对或改写后，删去对应的一行。全部删去后可删去 review。"
    )
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    write_atomic(target, buffer.getvalue().encode("utf-8"))
    return target


def run_rollover(path: Path, force: bool) -> int:
    target = rollover(path, force)
    click.echo(f"已生成 {target}：请核对 review 中列出的各项（disclosure check {target} 会逐项提示）。")
    return 0
