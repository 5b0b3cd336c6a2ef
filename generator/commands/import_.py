"""`disclosure import REPORT.pdf|TABLES.xlsx [-o FILE]`: a data file of primary data read from a published report.

Tables are recognised by title and column headers; only leaves are written (项 rows by fund, economic
款, "三公" items, carry-over), with the texts the profile's sentences attribute. The closing summary
lists what was read and every line that could not be placed.
"""

from __future__ import annotations

from pathlib import Path

import click

from generator.commands.outputs import write_atomic
from generator.errors import UserError
from generator.ingest.cells import squash
from generator.ingest.evaluations import evaluation_part
from generator.ingest.forms import STAGE_HEAD
from generator.ingest.project_forms import form_part
from generator.ingest.run import Imported, import_source
from generator.ingest.tables import KINDS
from generator.ingest.whole_form import whole_form_part
from generator.ingest.writer import dump


def default_output(imported: Imported, source: Path) -> Path:
    year, kind = imported.data.get("year"), imported.data.get("kind")
    return source.with_name(f"{year}-{kind}.yaml") if year else source.with_suffix(".yaml")


def header(imported: Imported, source: Path) -> list[str]:
    lines = [f"# 由 disclosure import 从 {source.name} 读取：只含末级数据与可归属的文字；合计、小计、占比、增减均由生成器计算。"]
    if imported.match.profile is not None and not imported.skeleton:
        lines.append(f"# 版式与模板配置 {imported.match.name} 相符（{imported.match.score} 个标题一致）。")
    if imported.moves:
        lines.append("# 以下末级数按四舍五入尾差调整，使生成器计算的合计与原表所印一致：")
        lines.extend(f"#   {m.note()}" for m in imported.moves)
    lines.append(f"# 未能归位的文字 {len(imported.unplaced)} 行，见 import 的输出。")
    return lines


def _form_table(imported: Imported, first_row: list[str | None]) -> bool:
    evaluated = imported.data.get("whole_evaluation") or imported.data.get("project_evaluations")
    annex_heads = [
        [squash(c if isinstance(c, str) else c["text"]) for c in b["table"]["header"][0]]
        for a in imported.data.get("attachments", [])
        for b in a["blocks"]
        if "table" in b and b["table"]["header"]
    ]
    cells = [squash(c) for c in first_row if c is not None]
    if cells in annex_heads or (tuple(cells[:3]) == STAGE_HEAD and any(p.get("stage_targets") for p in imported.data.get("projects", []))):
        return True
    return (
        bool(imported.forms and form_part(first_row)) or (imported.whole_form and whole_form_part(first_row)) or bool(evaluated and evaluation_part(first_row))
    )


def summary(imported: Imported) -> list[str]:
    read = [t for t in imported.tables if t.kind]
    out = ["读取的表格："]
    for t in read:
        kind = KINDS.get(t.kind or "", "")
        out.append(f"  第 {t.page} 页 {t.title or kind}（{kind}，{len(t.body)} 行）")
    forms = [t for t in imported.tables if not t.kind and _form_table(imported, t.header[0] if t.header else t.body[0][1] if t.body else [])]
    skipped = [t for t in imported.tables if not t.kind and t not in forms]
    if skipped:
        out.append(f"未识别的表格 {len(skipped)} 个：" + "、".join(f"第 {t.page} 页{('“' + t.title + '”') if t.title else ''}" for t in skipped[:20]))
    d = imported.data
    counts = [
        f"功能分类项 {len(d.get('expenditure', [])) + len(d.get('gov_fund_expenditure', [])) + len(d.get('state_capital_expenditure', []))} 行",
        f"经济分类款 {len(d.get('basic_economic', []))} 行",
        f"句子 {len(imported.found)} 句",
        f"职能 {len(d['overview'].get('duties', []))} 条",
        f"原因 {len(d.get('reasons', {}))} 条",
        *([f"部门项目申报表 {imported.forms} 张"] if imported.forms else []),
        *(["部门整体支出绩效目标申报表 1 张"] if imported.whole_form else []),
        *(["整体绩效自评表 1 张"] if d.get("whole_evaluation") else []),
        *([f"项目绩效自评表 {len(d['project_evaluations'])} 张"] if d.get("project_evaluations") else []),
        *([f"附件 {len(d['attachments'])} 篇"] if d.get("attachments") else []),
    ]
    out.append("读到：" + "，".join(counts) + "。")
    for note in imported.notes:
        out.append(f"注意：{note}")
    if imported.moves:
        out.append(f"按四舍五入尾差调整的末级数（{len(imported.moves)} 个，已写入文件开头的注释）：")
        out.extend(f"  {m.note()}" for m in imported.moves)
    if imported.unplaced:
        out.append(f"未能归位的文字（{len(imported.unplaced)} 行）：")
        out.extend(f"  第 {page} 页：{text}" for page, text in imported.unplaced)
    out.append(f"共读取 {len(read)} 张标准表；未识别表格 {len(skipped)} 个，未能归位的文字 {len(imported.unplaced)} 行。")
    return out


def run_import(source: Path, out: Path | None) -> int:
    imported = import_source(source)
    target = out or default_output(imported, source)
    if target.resolve() == source.resolve():
        raise UserError(f"输出文件不能是源文件本身：{target}")
    text = dump(imported.written or imported.data, header(imported, source))
    write_atomic(target, text.encode("utf-8"))
    if imported.skeleton:
        profile = target.with_name(target.stem + "-profile.yaml")
        write_atomic(profile, imported.skeleton.encode("utf-8"))
        click.echo(f"版式与已有模板配置均不相符，已写出模板配置草稿 {profile}", err=True)
    for line in summary(imported):
        click.echo(line)
    click.echo(f"已写出 {target}")
    return 0
