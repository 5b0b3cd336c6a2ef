"""How fast is disclosure? Run from anywhere: ``python benchmarks/bench.py [--copies 8] [--no-pdf] [--only batch,…]``.

Measures, on the example reports in data/ (whichever exist):

1. time per stage of a full build (load, check, compose, HTML, PDF, write — build.BuildResult.timings):
   the toolkit's own share is everything but WeasyPrint; a bare WeasyPrint render of the same HTML
   with the same fonts is shown beside it as a cross-check;
2. the HTML-only rebuild of the largest example (warm, as in the preview);
3. the preview: from writing the data file to the new HTML being served;
4. a batch of N copies with 1 job and with every core (throughput ratio);
5. a rebuild of all examples with nothing changed (everything skipped).

Nothing here is asserted; the targets are printed beside the results (see benchmarks/README.md).
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
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.build import build, prepare  # noqa: E402
from generator.read.discover import data_files  # noqa: E402
from generator.render.html import render_html  # noqa: E402

STAGES = ("load", "check", "compose", "html", "pdf", "write")
PARTS = ("stages", "html", "preview", "batch", "unchanged")
results: list[tuple[str, str, str, bool | None]] = []  # what, measured, target, met


def note(what: str, measured: str, target: str = "", met: bool | None = None) -> None:
    results.append((what, measured, target, met))


def examples() -> list[Path]:
    return data_files([ROOT / "data"])


def bare_weasyprint(page: str, base: Path) -> float:
    """WeasyPrint alone on the same HTML and fonts: parse, lay out, write the PDF."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from generator.render.fonts import font_css

    start = time.perf_counter()
    fonts = FontConfiguration()
    HTML(string=page, base_url=str(base)).render(stylesheets=[CSS(string=font_css(), font_config=fonts)], font_config=fonts).write_pdf()
    return time.perf_counter() - start


def stages(files: list[Path], out: Path, pdf: bool) -> None:
    formats = ("html", "pdf") if pdf else ("html",)
    # WeasyPrint here, so that "bare WP" below is the cross-check of the pdf column (Typst: benchmarks/engines.py)
    build(min(files, key=lambda f: f.stat().st_size), out / "warm-up", formats, engine="weasyprint")  # imports, font loading
    print(f"\n1. 各阶段用时（秒），格式 {'+'.join(formats)}；own = 除 WeasyPrint 之外的全部（load … write）")
    head = f"{'report':<36}" + "".join(f"{s:>9}" for s in STAGES) + f"{'total':>9}{'own':>8}" + (f"{'bare WP':>9}" if pdf else "")
    print(head)
    own_shares = []
    for f in files:
        start = time.perf_counter()
        result = build(f, out / "stages", formats, engine="weasyprint")
        total = time.perf_counter() - start
        own = (total - result.timings.get("pdf", 0.0)) / total
        own_shares.append(own)
        row = f"{f.parent.name + '/' + f.name:<36}" + "".join(f"{result.timings.get(s, 0.0):9.3f}" for s in STAGES) + f"{total:9.3f}{own:8.1%}"
        if pdf:
            doc, _ = prepare(f)
            row += f"{bare_weasyprint(render_html(doc, print_css=True), f.parent.resolve()):9.3f}"
        print(row)
    if pdf:
        print("   bare WP：同一 HTML、同样字体，直接调用 WeasyPrint（应与 pdf 一栏相当：render_pdf 之外没有额外工作）")
        note("toolkit's own share of a full PDF build (worst example)", f"{max(own_shares):.1%}", "≤ 10 %", max(own_shares) <= 0.10)


def parsing(largest: Path) -> None:
    """The cause of a slow load: the pure-Python round-trip YAML parser (against libyaml, when PyYAML has it)."""
    from generator.read.sources import load_file

    text = largest.read_text(encoding="utf-8")
    start = time.perf_counter()
    load_file(largest)
    ours = time.perf_counter() - start
    line = f"   解析 {largest.name}（{text.count(chr(10))} 行）：sources.load_file {ours:.3f} 秒"
    try:
        import yaml

        start = time.perf_counter()
        yaml.compose(text, Loader=yaml.CSafeLoader)
        line += f"；对照 libyaml（PyYAML CSafeLoader.compose，带行列号）{time.perf_counter() - start:.3f} 秒"
    except (ImportError, AttributeError):
        pass
    print(line)


def html_rebuild(largest: Path, out: Path) -> None:
    times = []
    for _ in range(5):
        start = time.perf_counter()
        result = build(largest, out / "html-only", ("html",))
        times.append(time.perf_counter() - start)
    best, median = min(times), statistics.median(times)
    parts = ", ".join(f"{s} {result.timings.get(s, 0):.3f}" for s in STAGES if s in result.timings)
    print(f"\n2. 最大示例 {largest.parent.name}/{largest.name} 只生成 HTML：中位数 {median:.3f} 秒，最快 {best:.3f} 秒（末次：{parts}）")
    parsing(largest)
    note(f"HTML-only rebuild, largest example ({largest.stat().st_size // 1024} KB)", f"{median:.3f} s", "< 0.5 s", median < 0.5)


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def preview_latency(files: list[Path], work: Path) -> None:
    print("\n3. 预览：从保存数据文件到新页面可取（秒）")
    for f in sorted({min(files, key=lambda p: p.stat().st_size), max(files, key=lambda p: p.stat().st_size)}):
        copy = work / "preview" / f.parent.name / f.name
        copy.parent.mkdir(parents=True)
        shutil.copy(f, copy)
        with contextlib.redirect_stderr(io.StringIO()):  # the preview's "已更新" lines
            lags = save_to_served(copy)
        median = statistics.median(lags)
        print(f"   {f.parent.name}/{f.name}: 中位数 {median:.3f}，最慢 {max(lags):.3f}（浏览器中的页面每 0.25 秒查询一次版本，另加最多 0.25 秒）")
        note(f"preview: save → new HTML served ({f.parent.name})", f"{median:.3f} s", "< 1 s (+ ≤ 0.25 s poll)", median < 1.0)


def save_to_served(copy: Path, times: int = 5) -> list[float]:
    """Change the department's name (it is in the page's title) and wait for the page that shows it."""
    from generator.commands.preview import Preview

    original = copy.read_text(encoding="utf-8")
    name = re.search(r"^department:\s*\n\s+name:\s*(.+)$", original, re.M)
    assert name, "department.name not found"
    value = name.group(1).strip().strip('"')
    preview = Preview(copy, 0).start()
    lags = []
    try:
        for i in range(times):
            marker = f"测试{i}"
            seen = preview.current()[0]
            copy.write_text(original[: name.start(1)] + f'"{value}{marker}"' + original[name.end(1):], encoding="utf-8")
            start = time.perf_counter()
            while True:  # watch the version in-process (HTTP polling here would slow the rebuild), then fetch the page
                if time.perf_counter() - start > 30:
                    raise RuntimeError("预览 30 秒内没有更新")
                if preview.current()[0] != seen:
                    seen = preview.current()[0]
                    if marker in get(preview.url):
                        break
                time.sleep(0.005)
            lags.append(time.perf_counter() - start)
            time.sleep(0.3)
    finally:
        preview.close()
    return lags


def cli(*args: str) -> tuple[float, float, str]:
    """Run ``disclosure build``: wall time, CPU time of the command and its workers, standard output."""
    cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "generator", "build", *args], cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise RuntimeError(done.stderr)
    return seconds, after.ru_utime + after.ru_stime - cpu.ru_utime - cpu.ru_stime, done.stdout


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def parallelism(cores: int, n: int = 15_000_000) -> float:
    """How many cores this machine gives us right now: throughput of ``cores`` busy processes against one."""
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(cores) as pool:
        list(pool.map(_spin, [1000] * cores))  # start the workers
        start = time.perf_counter()
        pool.submit(_spin, n).result()
        one = time.perf_counter() - start
        start = time.perf_counter()
        list(pool.map(_spin, [n] * cores))
        many = time.perf_counter() - start
    return cores * one / many


def batch(files: list[Path], work: Path, copies: int, pdf: bool) -> None:
    source = min(files, key=lambda p: p.stat().st_size)
    folder = work / "batch"
    for k in range(copies):
        target = folder / f"{source.parent.name}-{k}" / source.name
        target.parent.mkdir(parents=True)
        shutil.copy(source, target)
    cores = os.cpu_count() or 1
    fmt = "html,pdf" if pdf else "html"
    print(f"\n4. {copies} 份 {source.parent.name}/{source.name}（{fmt}），开始时负载 {os.getloadavg()[0]:.2f}")
    before = parallelism(cores)
    one, cpu_one, _ = cli(str(folder), "-o", str(work / "batch-out-1"), "--format", fmt, "-j", "1")
    many, cpu_many, _ = cli(str(folder), "-o", str(work / f"batch-out-{cores}"), "--format", fmt, "-j", str(cores))
    after = parallelism(cores)
    ratio = one / many
    print(f"   1 个进程 {one:.1f} 秒（CPU {cpu_one:.1f} 秒），{cores} 个进程 {many:.1f} 秒（CPU {cpu_many:.1f} 秒），吞吐量 {ratio:.2f} 倍")
    print(f"   本机此时可用的并行度（{cores} 个纯计算进程对 1 个的吞吐量）：前 {before:.2f} 倍，后 {after:.2f} 倍")
    note(f"batch throughput, {cores} jobs vs 1 ({copies} × {fmt})", f"{ratio:.2f}×", "≥ 1.8× with 2 jobs", ratio >= 1.8 if cores >= 2 else None)


def unchanged(work: Path, pdf: bool) -> None:
    fmt = "html,pdf" if pdf else "html"
    out = work / "all-out"
    first, _, _ = cli(str(ROOT / "data"), "-o", str(out), "--format", fmt)
    again, _, stdout = cli(str(ROOT / "data"), "-o", str(out), "--format", fmt)
    inside = re.search(r"用时 ([\d.]+) 秒", stdout)
    skipped = re.search(r"跳过 (\d+)", stdout)
    inner = float(inside.group(1)) if inside else float("nan")
    print(f"\n5. 全部示例（{fmt}）：首次 {first:.1f} 秒；无变化再次运行 {again:.2f} 秒（命令总用时，其中检查 {inner:.2f} 秒），跳过 {skipped.group(1) if skipped else '?'} 个")
    note("rebuild of all examples, nothing changed (check itself)", f"{inner:.2f} s", "< 1 s", inner < 1.0)
    note("  … the whole command (Python start-up and imports included)", f"{again:.2f} s", "< 1 s", again < 1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=8, help="batch size (copies of the smallest example)")
    parser.add_argument("--no-pdf", action="store_true", help="HTML only (quick)")
    parser.add_argument("--only", default=",".join(PARTS), help=f"comma-separated parts to run: {','.join(PARTS)}")
    args = parser.parse_args()
    wanted = args.only.split(",")
    if set(wanted) - set(PARTS):
        parser.error(f"--only: unknown part {', '.join(sorted(set(wanted) - set(PARTS)))}")
    pdf = not args.no_pdf
    files = examples()
    if not files:
        sys.exit("data/ 中没有示例数据文件")
    print(f"disclosure benchmarks — Python {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}, "
          f"load {os.getloadavg()[0]:.2f}; examples: {len(files)}")
    with tempfile.TemporaryDirectory(prefix="disclosure-bench-") as tmp:
        work = Path(tmp)
        if "stages" in wanted:
            stages(files, work, pdf)
        if "html" in wanted:
            html_rebuild(max(files, key=lambda f: f.stat().st_size), work)
        if "preview" in wanted:
            preview_latency(files, work)
        if "batch" in wanted:
            batch(files, work, args.copies, pdf)
        if "unchanged" in wanted:
            unchanged(work, pdf)
    print(f"\n{'measure':<58}{'result':>10}  {'target':<26}")
    for what, measured, target, met in results:
        mark = {True: "达到", False: "未达到", None: ""}[met]
        print(f"{what:<58}{measured:>10}  {target:<26}{mark}")


if __name__ == "__main__":
    main()
