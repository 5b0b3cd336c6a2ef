"""Build many reports: in parallel, skipping unchanged ones, one failure not stopping the rest."""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

import click

from generator.commands.crash import EXIT_INTERNAL
from generator.read.discover import data_files
from generator.errors import DataErrors, UserError
from generator.paths import config_engine
from generator.render.engines import pdf_engine
from generator.commands.outputs import output_stem, recover, system_error
from generator.commands.shards import STATUS, select, write_summary
from generator.commands.stamps import fingerprint, is_current, shared_fingerprint


@dataclass
class Outcome:
    source: Path
    status: str  # built | skipped | failed
    seconds: float
    messages: list[str]
    internal: bool = False
    """Failed by a bug of the toolkit rather than by the data."""


def build_one(
    path: Path,
    out_dir: Path,
    formats: tuple[str, ...],
    strict: bool,
    font_set: str | None,
    print_: str,
    engine: str | None = None,
    standards: tuple[str, ...] = (),
    layout_report: bool = False,
    site: bool = False,
) -> Outcome:
    """Build one report (in this process or a worker) and stamp it; never raises but on Ctrl-C."""
    from generator.build import build

    start = time.perf_counter()
    try:
        result = build(path, out_dir, formats, strict, font_set, engine, standards, stamp=print_, layout_report=layout_report, site=site)
        layout = [f"{path}: 版面：{d}" for d in result.layout]
        if layout_report and "pdf" in formats and not result.layout:
            layout = [f"{path}: 版面：没有发现问题"]
        return Outcome(path, "built", time.perf_counter() - start, [str(w) for w in result.warnings] + layout)
    except Exception as exc:
        return Outcome(path, "failed", time.perf_counter() - start, failure(path, exc), is_internal(exc))


def failure(path: Path, exc: BaseException) -> list[str]:
    if isinstance(exc, DataErrors):
        return [str(i) for i in exc.issues]
    if isinstance(exc, UserError):
        return [f"{path}: 错误: {exc}"]
    if isinstance(exc, OSError):
        return [f"{path}: 错误: {system_error(exc)}"]
    from generator.commands.crash import internal_message

    return [f"{path}: {internal_message(exc, f'数据文件：{path}')}"]  # a bug; a failure of this report only


def is_internal(exc: BaseException) -> bool:
    return not isinstance(exc, (DataErrors, UserError, OSError))


def run_batch(
    paths: list[Path],
    out_dir: Path,
    formats: tuple[str, ...],
    strict: bool,
    font_set: str | None,
    jobs: int,
    force: bool,
    engine: str | None = None,
    standards: tuple[str, ...] = (),
    shard: tuple[int, int] | None = None,
    summary: Path | None = None,
    layout_report: bool = False,
    site: bool = False,
) -> int:
    chosen = pdf_engine(engine) if engine else None
    found = data_files(paths)
    if not found:
        raise UserError("没有找到数据文件（形如 2023-budget.yaml 或 2023-final.yaml）")
    files = select(found, shard)
    if not files:
        raise UserError(f"第 {shard[0]}/{shard[1]} 份中没有文件（共 {len(found)} 个数据文件）" if shard else "没有找到数据文件")
    missing = [f for f in files if not f.is_file()]
    if missing:
        raise UserError(f"文件不存在：{missing[0]}")
    if jobs < 0:
        raise UserError("并行数（-j）不能为负数")
    start = time.perf_counter()
    outcomes: list[Outcome] = []
    todo: list[tuple[Path, str, str]] = []
    shared: dict[str, str] = {}  # per PDF engine (a folder's disclosure.toml may choose its own)
    for f in files:  # deciding what to skip is cheap: done here, so an up-to-date batch starts no workers
        tick = time.perf_counter()
        try:
            engine = chosen or pdf_engine(config_engine(f))
        except UserError as exc:
            outcomes.append(Outcome(f, "failed", time.perf_counter() - tick, failure(f, exc)))
            continue
        if engine not in shared:
            shared[engine] = shared_fingerprint(formats, font_set, strict, engine, standards) + ("+site" if site else "")
        print_ = fingerprint(f, formats, font_set, strict, shared[engine])
        recover(output_stem(f, out_dir))  # a build stopped while replacing this report's files is finished first
        if not force and not layout_report and is_current(output_stem(f, out_dir), formats, print_):
            outcomes.append(Outcome(f, "skipped", time.perf_counter() - tick, []))
        else:
            todo.append((f, print_, engine))
    jobs = min(jobs or os.cpu_count() or 1, len(todo))
    show_bar = len(todo) > 1 and sys.stderr.isatty()
    with click.progressbar(length=len(todo), label="生成中", file=sys.stderr) if show_bar else _NoBar() as bar:
        if jobs <= 1:
            for f, print_, engine in todo:
                outcomes.append(build_one(f, out_dir, formats, strict, font_set, print_, engine, standards, layout_report, site))
                bar.update(1)
        else:
            for engine in sorted({e for _, _, e in todo}):
                _preload(formats, engine)
            todo.sort(key=lambda item: item[0].stat().st_size, reverse=True)  # biggest first: no long report left for last
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                futures = {pool.submit(build_one, f, out_dir, formats, strict, font_set, p, e, standards, layout_report, site): f for f, p, e in todo}
                for fut in as_completed(futures):
                    try:
                        outcomes.append(fut.result())
                    except Exception as exc:  # the worker itself died (killed, out of memory)
                        outcomes.append(Outcome(futures[fut], "failed", 0.0, failure(futures[fut], exc), is_internal(exc)))
                    bar.update(1)
    outcomes.sort(key=lambda o: str(o.source))
    for o in outcomes:
        for m in o.messages:
            click.echo(m, err=True)
    seconds = time.perf_counter() - start
    _summary(outcomes, seconds, out_dir)
    if summary is not None:
        write_summary(summary, outcomes, seconds, out_dir, shard)
    if any(o.internal for o in outcomes):
        return EXIT_INTERNAL
    return 1 if any(o.status == "failed" for o in outcomes) else 0


def _preload(formats: tuple[str, ...], engine: str) -> None:
    """Import the pipeline once before forking, so that workers do not each import it again."""
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        return
    from generator import build  # noqa: F401

    if "pdf" in formats and engine == "weasyprint":
        import weasyprint  # noqa: F401
    elif "pdf" in formats:
        import typst  # noqa: F401


class _NoBar:
    def __enter__(self) -> "_NoBar":
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int) -> None:
        pass


def _summary(outcomes: list[Outcome], seconds: float, out_dir: Path) -> None:
    width = max(len(str(o.source)) for o in outcomes)
    for o in outcomes:
        click.echo(f"{str(o.source):<{width}}  {STATUS[o.status]:<8}  {o.seconds:6.2f} 秒")
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in STATUS}
    click.echo(f"共 {len(outcomes)} 个：生成 {counts['built']}，跳过 {counts['skipped']}，失败 {counts['failed']}；用时 {seconds:.2f} 秒。输出在 {out_dir}/")
