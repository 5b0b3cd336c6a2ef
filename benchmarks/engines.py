"""Typst against WeasyPrint, side by side: ``python benchmarks/engines.py [--rounds 3] [--only cold,warm,change,preview]``.

For every example in data/, in interleaved rounds (Typst, WeasyPrint, Typst, WeasyPrint, …):

- cold: a whole ``disclosure build --format pdf`` process (start-up and imports included), wall and CPU;
- warm: the PDF of an unchanged report built again in a process that has built it before;
- change: the PDF rebuilt in a warm process after a one-field change to the data file (the department's
  name gets the round's number, so every round sees a new text and no cache can answer);
- preview: with ``disclosure preview`` (Typst), the time from saving the data file to the new PDF being served.

Figures are medians over the rounds; the ratio is WeasyPrint's time over Typst's. Pages are counted
with pdfplumber when it is installed. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import build  # noqa: E402
from generator.read.discover import data_files  # noqa: E402
from generator.render.engines import ENGINES  # noqa: E402

PARTS = ("cold", "warm", "change", "preview")
NAME = re.compile(r"^department:\s*\n\s+name:\s*(.+)$", re.M)


def cold(data: Path, out: Path, engine: str) -> tuple[float, float]:
    """One whole build process: wall seconds and CPU seconds (user + system of the child)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "generator", "build", str(data), "-o", str(out), "--format", "pdf",
                           "--pdf-engine", engine, "--force", "-j", "1"], cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def warm(data: Path, out: Path, engine: str) -> float:
    start = time.perf_counter()
    build(data, out, ("pdf",), engine=engine)
    return time.perf_counter() - start


def rename(copy: Path, original: str, marker: str) -> None:
    name = NAME.search(original)
    if not name:
        raise RuntimeError(f"{copy}: department.name not found")
    value = name.group(1).strip().strip('"')
    copy.write_text(original[: name.start(1)] + f'"{value}{marker}"' + original[name.end(1):], encoding="utf-8")


def pages(pdf: Path) -> int | None:
    try:
        import pdfplumber
    except ImportError:
        return None
    with pdfplumber.open(pdf) as doc:
        return len(doc.pages)


def preview_pdf(data: Path, work: Path, times: int) -> list[float]:
    """Save → the new PDF served by the preview (Typst), ``times`` saves."""
    import urllib.request

    from generator.commands.preview import Preview

    copy = work / "preview" / data.parent.name / data.name
    copy.parent.mkdir(parents=True)
    shutil.copy(data, copy)
    original = copy.read_text(encoding="utf-8")
    lags = []
    with contextlib.redirect_stderr(io.StringIO()):
        preview = Preview(copy, 0, "typst").start()
        try:
            urllib.request.urlopen(preview.url + "report.pdf", timeout=60).read()  # the first PDF: fonts loaded
            for i in range(times):
                seen = preview.current()[0]
                rename(copy, original, f"预览{i}")
                start = time.perf_counter()
                while preview.current()[0] == seen:
                    if time.perf_counter() - start > 30:
                        raise RuntimeError("预览 30 秒内没有更新")
                    time.sleep(0.005)
                body = urllib.request.urlopen(preview.url + "report.pdf", timeout=60).read()
                lags.append(time.perf_counter() - start)
                assert body.startswith(b"%PDF")
                time.sleep(0.3)
        finally:
            preview.close()
    return lags


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default=",".join(PARTS), help=f"comma-separated parts: {','.join(PARTS)}")
    parser.add_argument("--examples", default="", help="comma-separated unit folders (default: every example)")
    args = parser.parse_args()
    wanted = args.only.split(",")
    files = data_files([ROOT / "data"])
    if args.examples:
        files = [f for f in files if f.parent.name in args.examples.split(",")]
    print(f"Typst vs WeasyPrint — Python {platform.python_version()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f}; "
          f"{len(files)} examples, {args.rounds} interleaved rounds, medians in seconds")
    with tempfile.TemporaryDirectory(prefix="disclosure-engines-") as tmp:
        work = Path(tmp)
        copies = {}
        for f in files:
            copy = work / "data" / f.parent.name / f.name
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(f, copy)
            copies[f] = (copy, copy.read_text(encoding="utf-8"))
        figures: dict[tuple[str, str, str], list[float]] = {}
        page_count: dict[tuple[str, str], int | None] = {}

        def add(f: Path, part: str, engine: str, value: float) -> None:
            figures.setdefault((f.parent.name, part, engine), []).append(value)

        if "warm" in wanted or "change" in wanted:
            with contextlib.redirect_stderr(io.StringIO()):
                for engine in ENGINES:  # imports and fonts, once per engine, before anything is timed
                    for f in files:
                        warm(f, work / "warm-up", engine)
        for r in range(args.rounds):
            for f in files:
                for engine in ENGINES:
                    out = work / f"out-{engine}"
                    if "cold" in wanted:
                        wall, cpu = cold(f, out, engine)
                        add(f, "cold", engine, wall)
                        add(f, "cold CPU", engine, cpu)
                        page_count[(f.parent.name, engine)] = pages(out / f.parent.name / f"{f.stem}.pdf")
                    with contextlib.redirect_stderr(io.StringIO()):
                        if "warm" in wanted:
                            add(f, "warm", engine, warm(f, out, engine))
                        if "change" in wanted:
                            copy, original = copies[f]
                            rename(copy, original, f"第{r + 1}轮{engine}")
                            add(f, "change", engine, warm(copy, work / "changed", engine))
            print(f"  round {r + 1} done")
        parts = [p for p in ("cold", "cold CPU", "warm", "change") if any(k[1] == p for k in figures)]
        print(f"\n{'example':<22}{'pages T/W':>10}" + "".join(f"{p + ' T':>12}{p + ' W':>12}{'W/T':>7}" for p in parts))
        for f in files:
            unit = f.parent.name
            t, w = page_count.get((unit, "typst")), page_count.get((unit, "weasyprint"))
            row = f"{unit:<22}{(f'{t}/{w}' if t and w else '-'):>10}"
            for p in parts:
                a, b = statistics.median(figures[(unit, p, "typst")]), statistics.median(figures[(unit, p, "weasyprint")])
                row += f"{a:12.3f}{b:12.3f}{b / a:7.1f}"
            print(row)
        if "preview" in wanted:
            print("\npreview, save → new PDF served (Typst):")
            for f in sorted({min(files, key=lambda p: p.stat().st_size), max(files, key=lambda p: p.stat().st_size)}):
                lags = preview_pdf(f, work, 5)
                print(f"  {f.parent.name}: median {statistics.median(lags):.3f} s, slowest {max(lags):.3f} s (5 saves)")


if __name__ == "__main__":
    main()
