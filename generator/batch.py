"""Build many reports: in parallel, skipping unchanged ones, one failure not stopping the rest."""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import click

from .discover import data_files
from .errors import DataErrors, UserError
from .outputs import output_stem, write_atomic
from .stamps import fingerprint, is_current, stamp_path


@dataclass
class Outcome:
    source: Path
    status: str  # built | skipped | failed
    seconds: float
    messages: list[str]


def build_one(path: Path, out_dir: Path, formats: tuple[str, ...], strict: bool, font_set: str | None, force: bool) -> Outcome:
    """Build one report in this process; never raises."""
    from .build import build

    start = time.perf_counter()
    stem = output_stem(path, out_dir)
    try:
        print_ = fingerprint(path, formats, font_set)
        if not force and is_current(stem, formats, print_):
            return Outcome(path, "skipped", time.perf_counter() - start, [])
        result = build(path, out_dir, formats, strict, font_set)
        write_atomic(stamp_path(stem), print_.encode())
        return Outcome(path, "built", time.perf_counter() - start, [str(w) for w in result.warnings])
    except DataErrors as err:
        return Outcome(path, "failed", time.perf_counter() - start, [str(i) for i in err.issues])
    except UserError as err:
        return Outcome(path, "failed", time.perf_counter() - start, [f"{path}: 错误: {err}"])
    except Exception as exc:  # a bug; reported as a failure of this report only
        return Outcome(path, "failed", time.perf_counter() - start, [f"{path}: 内部错误（{type(exc).__name__}: {exc}）"])


STATUS = {"built": "已生成", "skipped": "未变化，跳过", "failed": "失败"}


def run_batch(paths: list[Path], out_dir: Path, formats: tuple[str, ...], strict: bool, font_set: str | None, jobs: int, force: bool) -> int:
    files = data_files(paths)
    if not files:
        raise UserError("没有找到数据文件（形如 2023-budget.yaml 或 2023-final.yaml）")
    missing = [f for f in files if not f.is_file()]
    if missing:
        raise UserError(f"文件不存在：{missing[0]}")
    jobs = jobs or os.cpu_count() or 1
    start = time.perf_counter()
    outcomes: list[Outcome] = []
    show_bar = len(files) > 1 and sys.stderr.isatty()
    if jobs == 1 or len(files) == 1:
        with click.progressbar(files, label="生成中", file=sys.stderr) if show_bar else _plain(files) as items:
            for f in items:
                outcomes.append(build_one(f, out_dir, formats, strict, font_set, force))
    else:
        with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
            futures = [pool.submit(build_one, f, out_dir, formats, strict, font_set, force) for f in files]
            with click.progressbar(length=len(futures), label="生成中", file=sys.stderr) if show_bar else _plain(None) as bar:
                for fut in as_completed(futures):
                    outcomes.append(fut.result())
                    if bar is not None:
                        bar.update(1)
    outcomes.sort(key=lambda o: str(o.source))
    for o in outcomes:
        for m in o.messages:
            click.echo(m, err=True)
    _summary(outcomes, time.perf_counter() - start, out_dir, formats)
    return 1 if any(o.status == "failed" for o in outcomes) else 0


class _plain:
    def __init__(self, items):  # type: ignore[no-untyped-def]
        self.items = items

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self.items

    def __exit__(self, *exc):  # type: ignore[no-untyped-def]
        return False


def _summary(outcomes: list[Outcome], seconds: float, out_dir: Path, formats: tuple[str, ...]) -> None:
    width = max(len(str(o.source)) for o in outcomes)
    for o in outcomes:
        click.echo(f"{str(o.source):<{width}}  {STATUS[o.status]:<8}  {o.seconds:6.2f} 秒")
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in STATUS}
    click.echo(f"共 {len(outcomes)} 个：生成 {counts['built']}，跳过 {counts['skipped']}，失败 {counts['failed']}；用时 {seconds:.2f} 秒。输出在 {out_dir}/")
