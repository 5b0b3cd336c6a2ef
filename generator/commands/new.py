"""`disclosure new UNIT YEAR KIND [--profile NAME]`: a data file to start a new department from.

It holds every key the profile needs, each commented in Chinese, with 待填写 placeholders that
``check`` reports (and ``build`` refuses) until they are filled. The skeletons are
``new/<kind>.yaml`` of the templates; the ``texts`` section lists every paragraph the profile prints.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from generator.commands.outputs import write_atomic
from generator.errors import Pos, UserError
from generator.paths import find_template
from generator.present.profile import load_profile, profile_names, texts_used
from generator.read.drafts import PLACEHOLDER

KIND_NAMES = {"budget": "部门预算", "final": "部门决算"}


def texts_section(profile_name: str) -> str:
    """One line per paragraph the profile prints: the key, a placeholder, and where it is printed."""
    profile = load_profile(profile_name, Pos(profile_name, 1, 1))
    optional = set(profile.texts)
    lines = []
    for key, where in texts_used(profile).items():
        hint = f"{PLACEHOLDER}：印在“{where}”中" if where else PLACEHOLDER
        note = "  # 可选：不需要时删去此行" if key in optional else ""
        lines.append(f"  {key}: {json.dumps(hint, ensure_ascii=False)}{note}")
    return "\n".join(lines) if lines else "  {}"


def skeleton(profile: str, year: int, kind: str) -> str:
    source = find_template("new", f"{kind}.yaml")
    text = source.read_text(encoding="utf-8")
    return text.format(profile=profile, year=year, prev_year=year - 1, kind_name=KIND_NAMES[kind], texts=texts_section(profile))


def choose_profile(kind: str, wanted: str | None) -> str:
    names = profile_names(kind)
    if wanted is None:
        if not names:
            raise UserError(f"模板文件夹的 profiles/ 中没有{KIND_NAMES[kind]}的模板配置")
        click.echo(f"使用模板配置 {names[0]}（可用 --profile 指定：{'、'.join(names)}）")
        return names[0]
    if wanted not in profile_names():
        raise UserError(f"找不到模板配置“{wanted}”；可用的有：{'、'.join(names)}")
    if wanted not in names:
        raise UserError(f"模板配置“{wanted}”不是{KIND_NAMES[kind]}的；可用的有：{'、'.join(names)}")
    return wanted


def new_file(unit: Path, year: int, kind: str, profile: str | None, force: bool = False) -> Path:
    if not 1990 <= year <= 2100:
        raise UserError(f"年度 {year} 不在 1990—2100 之间")
    target = unit / f"{year}-{kind}.yaml"
    if target.exists() and not force:
        raise UserError(f"{target} 已存在；如要覆盖，请加 --force")
    name = choose_profile(kind, profile)
    write_atomic(target, skeleton(name, year, kind).encode("utf-8"))
    return target


def run_new(unit: Path, year: int, kind: str, profile: str | None, force: bool) -> int:
    target = new_file(unit, year, kind, profile, force)
    click.echo(f"已生成 {target}：请把各处“{PLACEHOLDER}”换成实际内容，再用 disclosure check {target} 检查。")
    return 0
