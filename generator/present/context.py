"""Assemble the template context (a Document) from a report, its figures and its profile."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Callable

from generator.present.compose import ProfileError, compose
from generator.present.document import Composer, Document, toc_of
from generator.present.facts import Facts
from generator.present.glossary import load_glossary
from generator.paths import find_template
from generator.present.profile import Profile, table_ids
from generator.present.tables.forms import free_grid
from generator.present.tables.grid import TAIL_ROWS, Grid, TableBlock
from generator.zh.ordinals import number


def table_labels(profile: Profile) -> dict[str, str]:
    return {tid: profile.tables.label.format(n=i + 1, nn=f"{i + 1:02d}") for i, tid in enumerate(table_ids(profile))}


@dataclass(frozen=True)
class DutyList:
    intro: str
    items: list[tuple[str, str]]


@dataclass(frozen=True)
class AttachmentView:
    title: str
    blocks: list[tuple[str, Any]]
    """(kind, content): ("heading"|"p", text), ("items", [text]), ("table", Grid)."""


def duties(overview: Any, style: str) -> DutyList:  # overview: model.common.Overview
    return DutyList(overview.duties_intro or "", [(number(style, i + 1), d) for i, d in enumerate(overview.duties)])


def attachments(report: Any) -> list[AttachmentView]:
    views = []
    for att in report.attachments:
        blocks: list[tuple[str, Any]] = []
        for b in att.blocks:
            if b.heading is not None:
                blocks.append(("heading", b.heading))
            elif b.p is not None:
                blocks.append(("p", b.p))
            elif b.items is not None:
                blocks.append(("items", list(b.items)))
            elif b.table is not None:
                blocks.append(("table", free_grid(b.table)))
        views.append(AttachmentView(att.title, blocks))
    return views


def with_widths(grids: list[Any], name: str, profile: Profile) -> list[Any]:
    """The grids of a table or form with the column widths its ``table_options`` give (``widths``: relative, one a column),
    as whole percents of the table's width."""
    widths = profile.table_options.get(name, {}).get("widths")
    if not widths:
        return grids
    if not isinstance(widths, list) or not all(isinstance(w, (int, float)) and not isinstance(w, bool) and w > 0 for w in widths):
        raise ProfileError(f"模板配置 table_options.{name}.widths 应为正数列表（每列一个相对宽度），此处为 {widths!r}")
    out = []
    for g in grids:
        if not isinstance(g, Grid):
            out.append(g)
            continue
        count = grid_columns(g)
        if len(widths) != count:
            raise ProfileError(f"模板配置 table_options.{name}.widths 给了 {len(widths)} 个列宽，而该表有 {count} 列")
        total = sum(widths)
        out.append(replace(g, cols=[max(1, round(w * 100 / total)) for w in widths]))
    return out


def grid_columns(g: Grid) -> int:
    """How many columns a grid has: the widest row's span."""
    return max((sum(max(c.colspan, 1) for c in row) for row in [*g.header, *g.rows]), default=0)


@dataclass(frozen=True)
class Vocabulary:
    """The names a profile may use for one report: facts, lists (with their entries' fields), tables, partials."""

    facts: dict[str, str]
    lists: dict[str, list[str]]
    tables: set[str]
    partials: set[str]


def make_document(
    report: Any,
    profile: Profile,
    facts: Facts,
    builders: dict[str, Callable[[], list[Grid]]],
    partials: dict[str, Callable[[], Any]],
    draft: bool = False,
    vocabulary: bool = False,
) -> Any:
    """The Document; with ``vocabulary``, only what a profile may name for this report (``Vocabulary``)."""
    if vocabulary:
        return Vocabulary(
            {**facts.values, **{k: "" for k in facts.flags}},
            {k: sorted({key for e in v for key in e}) for k, v in facts.lists.items()},
            set(builders),
            {"glossary", "duties", "attachments", *partials},
        )
    labels = table_labels(profile)

    def table(tid: str) -> TableBlock:
        if tid not in builders:
            raise ProfileError(f"模板配置引用了未知的表格 {tid}；可用：{'、'.join(sorted(builders))}")
        grids = with_widths(builders[tid](), tid, profile)
        title = compose(profile.table_titles.get(tid, ""), facts.values)
        notes = [compose(n, facts.values) for n in profile.table_notes.get(tid, [])]
        if notes and grids:
            last = grids[-1]
            grids = grids[:-1] + [Grid(last.header, last.rows, last.title, last.captions, list(last.notes) + notes, last.cols, last.cls, last.subtitle)]
        if grids and grids[0].captions == ("", "") and "form" not in grids[0].cls:
            unit = report.department.table_name or report.department.name
            table_unit = str(profile.table_options.get(tid, {}).get("unit", profile.tables.unit))
            unit_line = profile.tables.unit_line.replace("{unit}", table_unit)
            grids = [replace(grids[0], captions=(f"{profile.tables.unit_name_label}{unit}", unit_line))] + grids[1:]
        if grids and title and "".join(grids[0].title.split()) == "".join(title.split()):
            grids = [replace(grids[0], title="")] + grids[1:]  # the form's own title right under the same table title: print it once
        if profile.tables.new_page:  # the next table starts a new page: its last rows must not stand alone
            grids = [g if "form" in g.cls.split() else replace(g, tail=TAIL_ROWS) for g in grids]
        landscape = bool(profile.table_options.get(tid, {}).get("landscape", False))
        return TableBlock(tid, labels[tid], title, grids, landscape, anchor=f"t-{tid}", new_page=profile.tables.new_page)

    def partial(name: str) -> Any:
        if name == "glossary":
            if not profile.glossary:
                raise ProfileError(f"模板配置“{profile.name}”没有指定 glossary 文件")
            codes = [r.code for r in report.expenditure]
            return load_glossary(find_template("glossary", f"{profile.glossary}.yaml"), profile.numbering.glossary, codes, report.year, dict(report.names))
        if name == "duties":
            return duties(report.overview, report.overview.duties_numbering or profile.numbering.duties)
        if name == "attachments":
            return attachments(report)
        if name in partials:
            built = partials[name]()
            return with_widths(built, name, profile) if isinstance(built, list) else built
        return facts

    composer = Composer(profile, facts, table, partial)
    parts = composer.parts()
    title = compose(profile.title, facts.values)
    return Document(
        title=title,
        department=report.department.name,
        year=report.year,
        kind=report.kind,
        profile=profile.name,
        parts=parts,
        toc=toc_of(parts, profile.toc_depth) if profile.toc else [],
        toc_title=profile.toc_title,
        cover=profile.cover,
        cover_lines=[compose(line, facts.values) for line in profile.cover_lines],
        draft=draft,
        meta={"keywords": "部门预算公开" if report.kind == "budget" else "部门决算公开"},
        figures=dict(facts.values),
        amounts=dict(facts.amounts),
        lists={k: [dict(e) for e in v] for k, v in facts.lists.items()},
        text_unit=profile.text.unit,
    )
