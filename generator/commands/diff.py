"""`disclosure diff OLD NEW`: what changed between two data files, or two versions of one file.

A version is a data file, or ``REV:PATH`` for the file as a git revision holds it (for example
``HEAD~1:data/x/2023-budget.yaml``). Prints the changes as a table and writes an HTML page with them
highlighted.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import unicodedata
from pathlib import Path

import click

from generator.build import prepare
from generator.compare import Changes, compare
from generator.commands.outputs import output_stem, write_atomic
from generator.errors import UserError
from generator.read.sources import load_file
from generator.render.diff_html import render_diff


def _git_show(spec: str, folder: Path) -> bytes | None:
    rev, _, path = spec.partition(":")
    try:
        done = subprocess.run(["git", "show", f"{rev}:{path}"], cwd=folder, capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def fetch(spec: str, scratch: Path) -> tuple[Path, str]:
    """A local file for a version, and how to name it: the file itself, or a git revision's copy.

    A revision's copy is placed with the working copy's other files of that folder, so that last
    year's file beside it is found as usual.
    """
    path = Path(spec)
    if path.is_file():
        return path, spec
    if ":" in spec:
        rev, _, name = spec.partition(":")
        real = Path(name)
        folder = real.parent if real.parent.is_dir() else Path(".")
        content = _git_show(f"{rev}:./{real.name}", folder) if real.parent.is_dir() else None
        if content is None:
            content = _git_show(spec, Path("."))
        if content is None:
            raise UserError(f"读不到 {spec}：请检查版本号和文件路径（git 仓库中的路径）")
        copy_dir = scratch / rev.replace("/", "_").replace("~", "-").replace("^", "-")
        copy_dir.mkdir(parents=True, exist_ok=True)
        if real.parent.is_dir():
            for sibling in real.parent.glob("*.y*ml"):
                shutil.copy2(sibling, copy_dir / sibling.name)
        target = copy_dir / real.name
        target.write_bytes(content)
        return target, spec
    raise UserError(f"文件不存在：{spec}")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clip(text: str, width: int) -> str:
    out, used = "", 0
    for ch in text:
        w = _width(ch)
        if used + w > width - 1:
            return out + "…"
        out, used = out + ch, used + w
    return out


def _pad(text: str, width: int) -> str:
    text = _clip(text, width)
    return text + " " * (width - _width(text))


def print_changes(changes: Changes, old: str, new: str) -> None:
    click.echo(f"比较：{old} → {new}")
    if not changes:
        click.echo("两个版本的数据、计算结果、语句和表格完全相同。")
        return
    for title, items in (("数据项", changes.leaves), ("计算结果", changes.figures)):
        if not items:
            continue
        click.echo(f"\n{title}（{len(items)} 处）")
        width = min(max(_width(c.name) for c in items) + 2, 40)
        click.echo(f"  {_pad('名称', width)}{_pad('原值', 24)}新值")
        for c in items:
            click.echo(f"  {_pad(c.name, width)}{_pad(c.old, 24)}{_clip(c.new, 60)}")
    if changes.sentences:
        click.echo(f"\n语句（{len(changes.sentences)} 处）")
        for c in changes.sentences:
            if c.old:
                click.echo(f"  - {c.old}")
            if c.new:
                click.echo(f"  + {c.new}")
    if changes.rows:
        click.echo(f"\n表格行（{len(changes.rows)} 行）")
        table = ""
        for r in changes.rows:
            if r.table != table:
                table = r.table
                click.echo(f"  {table}")
            click.echo(f"    {r.sign} " + " | ".join(c for c in r.cells if c))


def run_diff(old_spec: str, new_spec: str, out: Path | None) -> int:
    with tempfile.TemporaryDirectory(prefix="disclosure-diff-") as scratch:
        old_path, old_name = fetch(old_spec, Path(scratch) / "old")
        new_path, new_name = fetch(new_spec, Path(scratch) / "new")
        old_raw, _ = load_file(old_path)
        new_raw, _ = load_file(new_path)
        old_doc, _ = prepare(old_path)
        new_doc, _ = prepare(new_path)
    changes = compare(old_raw, old_doc, new_raw, new_doc)
    print_changes(changes, old_name, new_name)
    target = out or output_stem(Path(new_spec.partition(":")[2] if not Path(new_spec).is_file() else new_spec), Path("output")).with_name(
        f"{Path(new_path).stem}-diff.html"
    )
    write_atomic(target, render_diff(changes, old_name, new_name, new_doc.title).encode("utf-8"))
    click.echo(f"\n对比网页：{target}")
    return 0
