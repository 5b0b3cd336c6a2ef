"""Command line: disclosure build | check | preview | new | rollover | diff | import | audit."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable

import click

from generator import __version__
from generator.commands.crash import EXIT_INTERNAL
from generator.errors import DataErrors, UserError

EPILOG = "退出码：0 没有问题；1 数据有错误（或生成失败；--strict 时也包括警告）；2 命令用法有误；3 内部错误（详细信息写入日志文件）。"


def _report_issues(err: DataErrors) -> None:
    for issue in err.issues:
        click.echo(str(issue), err=True)
    errors = sum(1 for i in err.issues if i.is_error)
    warnings = len(err.issues) - errors
    click.echo(f"共 {errors} 个错误，{warnings} 个警告。", err=True)


def guarded(fn: Callable[[], int]) -> int:
    """Run a command; user errors print cleanly, anything else prints one line (never a traceback)."""
    try:
        return fn()
    except DataErrors as err:
        _report_issues(err)
        return 1
    except UserError as err:
        click.echo(f"错误：{err}", err=True)
        return 1
    except OSError as exc:  # the system refused (disk full, permissions): not a bug of the toolkit
        from generator.commands.outputs import system_error

        click.echo(f"错误：{system_error(exc)}", err=True)
        return 1
    except KeyboardInterrupt:
        click.echo("已中断。", err=True)
        return 130
    except Exception as exc:  # a bug: keep the user's screen clean, keep the details for a report
        from generator.commands.crash import internal_message

        click.echo(internal_message(exc), err=True)
        return EXIT_INTERNAL


def templates_option(fn: Callable[..., None]) -> Callable[..., None]:
    """``--templates DIR``: a folder of the district's own profiles, glossaries and partials, searched first."""

    def remember(_ctx: click.Context, _param: click.Parameter, value: tuple[Path, ...]) -> tuple[Path, ...]:
        if value:
            from generator.paths import SEARCH_ENV

            os.environ[SEARCH_ENV] = os.pathsep.join(str(v.resolve()) for v in value)  # seen by worker processes too
        return value

    return click.option(
        "--templates",
        "templates",
        multiple=True,
        expose_value=False,
        callback=remember,
        is_eager=True,
        type=click.Path(path_type=Path, file_okay=False, exists=True),
        help="本地模板文件夹（profiles/、glossary/、partials/ 等），先于随附模板查找；可多次给出",
    )(fn)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EPILOG)
@click.version_option(__version__, prog_name="disclosure")
def main() -> None:
    """部门预算、决算公开报告生成工具。"""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out_dir", default="output", show_default=True, type=click.Path(path_type=Path), help="输出文件夹")
@click.option("--format", "formats", default="html,pdf", show_default=True, help="输出格式：html、pdf、xlsx、csv、json、docx，以逗号分隔")
@click.option("--strict", is_flag=True, help="有警告或版面问题（见 --layout-report）时也停止生成")
@click.option("--fonts", "font_set", type=click.Choice(["bundled", "official"]), default=None, help="PDF 字体：随附字体，或系统中的仿宋_GB2312/宋体/黑体")
@click.option(
    "--pdf-engine",
    "engine",
    type=click.Choice(["typst", "weasyprint"]),
    default=None,
    help="PDF 排版引擎：typst（默认，快）或 weasyprint；也可用环境变量 DISCLOSURE_PDF_ENGINE 设定",
)
@click.option("--pdf-standard", "standards", default="", metavar="ua-1,a-2b", help="PDF 标准，以逗号分隔：ua-1（带标签、无障碍）、a-2b（长期存档）")
@click.option("-j", "--jobs", default=0, type=int, help="并行数（默认为 CPU 核数）")
@click.option("--force", is_flag=True, help="即使没有变化也重新生成")
@click.option("--shard", "shard", default=None, metavar="K/N", help="多台机器分担：只生成第 K 份（共 N 份）")
@click.option(
    "--summary", "summary", default=None, type=click.Path(path_type=Path, dir_okay=False), help="把本次汇总写入 JSON 文件（供 disclosure summary 合并）"
)
@click.option("--layout-report", is_flag=True, help="检查生成的 PDF 的版面（表格被截断、页末孤立标题、空白过多的页、空行、目录溢出、零值写法不一），逐页列出")
@click.option("--site", is_flag=True, help="同时生成网站首页 index.html：按部门、年度、类型列出全部报告及各格式的链接，可搜索")
@templates_option
def build(
    paths: tuple[Path, ...],
    out_dir: Path,
    formats: str,
    strict: bool,
    font_set: str | None,
    engine: str | None,
    standards: str,
    jobs: int,
    force: bool,
    shard: str | None,
    summary: Path | None,
    layout_report: bool,
    site: bool,
) -> None:
    """生成报告（HTML/PDF/Excel/CSV/JSON/Word）。PATH 为数据文件或数据文件夹。"""
    from generator.build import FORMATS
    from generator.commands.batch import run_batch
    from generator.render.engines import pdf_standards

    wanted = tuple(dict.fromkeys(f.strip().lower() for f in formats.split(",") if f.strip()))
    bad = [f for f in wanted if f not in FORMATS]
    if bad or not wanted:
        raise click.BadParameter(f"不支持的格式：{'、'.join(bad) or '（空）'}（可用：{'、'.join(FORMATS)}）", param_hint="--format")
    from generator.commands.shards import parse_shard

    share = parse_shard(shard) if shard else None

    def run() -> int:
        status = run_batch(list(paths), out_dir, wanted, strict, font_set, jobs, force, engine, pdf_standards(standards), share, summary, layout_report, site)
        if site:
            from generator.site.index import write_site

            page = write_site(out_dir)
            click.echo(f"网站首页：{page}")
        return status

    sys.exit(guarded(run))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, exists=True, dir_okay=False))
def summary(files: tuple[Path, ...]) -> None:
    """合并各台机器 build --shard … --summary 写出的汇总，列出全部报告；有失败或缺份时退出码为 1。"""
    from generator.commands.shards import merge

    sys.exit(guarded(lambda: merge(list(files))))


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="把警告也算作错误")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="输出格式：text（每行一个问题）或 json（供其他程序读取）",
)
@templates_option
def check(paths: tuple[Path, ...], strict: bool, output_format: str) -> None:
    """只检查数据，不生成报告。"""
    from generator.commands.check import run_check

    sys.exit(guarded(lambda: run_check(list(paths), strict, output_format)))


@main.command()
@click.argument("path", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--pdf-engine", "engine", type=click.Choice(["typst", "weasyprint"]), default=None, help="PDF 预览（/pdf）的排版引擎")
@templates_option
def preview(path: Path, port: int, engine: str | None) -> None:
    """在本机浏览器中预览 HTML 草稿与 PDF（/pdf），保存后自动刷新（仅监听 127.0.0.1）。"""
    from generator.commands.preview import serve

    sys.exit(guarded(lambda: serve(path, port, engine)))


@main.command()
@click.argument("unit", type=click.Path(path_type=Path, file_okay=False))
@click.argument("year", type=int)
@click.argument("kind", type=click.Choice(["budget", "final"]))
@click.option("--profile", "profile", default=None, help="模板配置名称（profiles/ 中的文件名，不含 .yaml）")
@click.option("--force", is_flag=True, help="文件已存在时覆盖")
@templates_option
def new(unit: Path, year: int, kind: str, profile: str | None, force: bool) -> None:
    """为新部门新建数据文件 UNIT/YEAR-KIND.yaml：列出模板配置用到的每一项，附中文说明，待填写处由 check 逐项提示。"""
    from generator.commands.new import run_new

    sys.exit(guarded(lambda: run_new(unit, year, kind, profile, force)))


@main.command()
@click.argument("path", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("--force", is_flag=True, help="下一年的文件已存在时覆盖")
def rollover(path: Path, force: bool) -> None:
    """由本年数据文件生成下一年的数据文件：本年数作为上年比较数，沿用的内容逐项待核对。"""
    from generator.commands.rollover import run_rollover

    sys.exit(guarded(lambda: run_rollover(path, force)))


@main.command()
@click.argument("old")
@click.argument("new")
@click.option(
    "-o",
    "--output",
    "out",
    default=None,
    type=click.Path(path_type=Path, dir_okay=False),
    help="对比网页的文件名（默认：output/<单位>/<年度>-<类型>-diff.html）",
)
def diff(old: str, new: str, out: Path | None) -> None:
    """比较两个数据文件（或同一文件的两个版本，如 HEAD~1:data/x/2023-budget.yaml）：列出变化的数据、计算结果、语句和表格行。"""
    from generator.commands.diff import run_diff

    sys.exit(guarded(lambda: run_diff(old, new, out)))


@main.command("import")
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", "out", default=None, type=click.Path(path_type=Path, dir_okay=False), help="数据文件名（默认：源文件旁的 <年度>-<类型>.yaml）")
def import_(source: Path, out: Path | None) -> None:
    """从已公开的报告（PDF）或公开表工作簿（Excel）读取数据，写出只含末级数据的数据文件，并列出未能归位的文字。"""
    from generator.commands.import_ import run_import

    sys.exit(guarded(lambda: run_import(source, out)))


@main.command()
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "html", "json"]), default="text", show_default=True, help="输出格式")
@click.option("-o", "--output", "out", default=None, type=click.Path(path_type=Path, dir_okay=False), help="写入文件（默认输出到屏幕）")
def audit(source: Path, fmt: str, out: Path | None) -> None:
    """审核已公开的报告：重算表格和句子中印出的每个合计、占比、增减、完成率，列出每处不一致（页码、印数、应为、原因）。"""
    from generator.commands.audit import run_audit

    sys.exit(guarded(lambda: run_audit(source, fmt, out)))


@main.command()
@click.option("-o", "--output", "out", default=None, type=click.Path(path_type=Path, dir_okay=False), help="写入文件（默认打印到屏幕）")
def schema(out: Path | None) -> None:
    """打印数据文件格式的 JSON Schema（供编辑器补全与检查键名：数据文件首行写 # yaml-language-server: $schema=文件名）。"""
    from generator.reference.schema import schema_text

    def run() -> int:
        text = schema_text()
        if out is None:
            click.echo(text, nl=False)
        else:
            from generator.commands.outputs import write_atomic

            write_atomic(out, text.encode("utf-8"))
            click.echo(f"已写入 {out}")
        return 0

    sys.exit(guarded(run))


@main.command()
@click.option(
    "-o",
    "--output",
    "out_dir",
    default=Path("docs/reference"),
    show_default=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="参考文档的输出文件夹",
)
def reference(out_dir: Path) -> None:
    """由代码生成参考文档：数据文件的每一个键、模板配置的每一种块与选项、句式可用的每一个事实名（附示例值）。"""
    from generator.reference.write import write_reference

    def run() -> int:
        for path in write_reference(out_dir):
            click.echo(f"已写入 {path}")
        return 0

    sys.exit(guarded(run))
