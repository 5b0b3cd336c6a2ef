"""A profile describes one local template: outline, numbering, wording, tables, glossary.

Profiles live in ``profiles/<name>.yaml`` of a templates folder (see ``generator.paths``); a data file picks one by name.
A new district's variant is a new profile (plus partials), never new Python.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator, List, Literal

from pydantic import Field, PrivateAttr, model_validator

from generator.errors import DataErrors, Pos, error
from generator.paths import find_template, template_names, templates_dir
from generator.model.base import Strict, Text, Unit
from generator.read.sources import load_file
from generator.zh.phrases import ChangeWording, ExecutionWording
from generator.read.validate import issues_from


class Block(Strict):
    """One piece of a section body; exactly one of the kind keys is set."""

    say: Text | None = None
    """A sentence template: {fact} placeholders, [optional …] segments dropped when a fact inside is empty."""
    text: Text | None = None
    """The name of a free paragraph in the data file's ``texts``."""
    list: Text | None = None
    """The name of a computed list; each entry is formatted with ``item``."""
    item: Text | None = None
    style: Text | None = None
    """Numbering style of list entries (arabic_dun → 1、); none for no numbers."""
    joiner: List[Text] = ["；", "。"]
    """Punctuation after every entry but the last, and after the last."""
    inline: bool = False
    """Run the list entries on in one paragraph instead of one paragraph each."""
    lead: Text | None = None
    """With inline lists: the sentence the entries follow."""
    tail: Text | None = None
    """With inline lists: a sentence template printed after the entries (e.g. "[，合计{total}万元]。")."""
    numbered: Text | None = None
    """A numbering style for ``items``: each block gets the next label in front."""
    items: List["Block"] = []
    after: List["Block"] = []
    """Blocks that follow this one (inside a numbered list: before the next label)."""
    partial: Text | None = None
    """A template partial (partials/<name>.html) laying out data the report provides."""
    chart: Text | None = None
    """A chart drawn by the toolkit (e.g. chart_1), placed with the chart partial."""
    forms: Text | None = None
    """Un-numbered tables built by the toolkit (e.g. whole_evaluation), placed with the grids partial."""
    table: Text | None = None
    glossary: bool = False
    page_break: bool = False
    when: Text | None = None
    """Show only when this fact is true (non-empty); ``unless`` is the opposite."""
    unless: Text | None = None
    cls: Text | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> "Block":
        kinds = [k for k in ("say", "text", "list", "numbered", "partial", "chart", "forms", "table") if getattr(self, k) is not None]
        if self.glossary:
            kinds.append("glossary")
        if self.page_break:
            kinds.append("page_break")
        if len(kinds) != 1:
            raise ValueError("profile_block_one_kind")
        if self.list is not None and self.item is None:
            raise ValueError("profile_list_item")
        return self


class Node(Strict):
    """A part (``part``) or a section (``title``) with its body and subsections."""

    part: Text | None = None
    title: Text | None = None
    toc_title: Text | None = None
    """How the table of contents words this heading, when not as the heading itself."""
    numbered: bool = True
    in_toc: bool = True
    break_before: bool = False
    when: Text | None = None
    unless: Text | None = None
    heading_with_table: bool = True
    """A part whose content opens with a table (or a section on a page of its own): print it under the heading,
    on its landscape page if it has one, rather than leaving the heading alone on a page; false keeps them apart."""
    each: Text | None = None
    """Repeat this section for every entry of a computed list (e.g. projects); the entry's fields are facts inside it."""
    levels: list[Text] | None = None
    """Numbering styles of the subsections below this node, by depth (default: numbering.levels)."""
    body: list[Block] = []
    sections: list["Node"] = []

    @model_validator(mode="after")
    def _titled(self) -> "Node":
        if (self.part is None) == (self.title is None):
            raise ValueError("profile_node_title")
        return self


class Numbering(Strict):
    part: Text = "part"
    levels: list[Text] = ["cn_dun", "cn_paren", "arabic_dot", "arabic_paren"]
    duties: Text = "arabic_dun"
    glossary: Text = "cn_paren"


class TableStyle(Strict):
    label: Text = "公开表{n}"
    """How tables are numbered; {n} is the table's position, {nn} the same with two digits."""
    thousands: bool = False
    zero: Text = ""
    """How a zero amount prints in tables: "" (blank), "0.00", "-"."""
    new_page: bool = True
    """Start every table on a new page."""
    unit: Unit = "万元"
    """The unit tables print in (a table may say otherwise in table_options: unit)."""
    unit_line: Text = "单位：{unit}"
    unit_name_label: Text = "单位名称："


class TextStyle(Strict):
    """How amounts print in running text."""

    unit: Unit = "万元"
    thousands: bool = False
    zero: Text = "0.00"
    """How a zero amount prints in running text: "0.00" or "0"."""


class Wording(Strict):
    """How a profile words changes and execution rates (defaults: generator/zh/phrases.py)."""

    prev_base: Text = "{prev_year}年预算"
    bases: dict[str, Text] = {}
    """Per figure (e.g. income_appropriation): what its change compares with when not ``prev_base`` (e.g. {prev_year}年预算执行数)."""
    up: Text = ChangeWording.up
    down: Text = ChangeWording.down
    flat: Text = ChangeWording.flat
    new: Text = ChangeWording.new
    execution_rate: Text = ExecutionWording.rate
    execution_no_budget: Text = ExecutionWording.no_budget
    three_public_execution_rate: Text | None = None
    """How a "三公" item's execution prints (default: execution_rate)."""
    budget_over: Text = "大于"
    budget_under: Text = "小于"
    budget_equal: Text = ""
    """Said of a 决算 equal to its budget (e.g. 决算数同预算数持平); empty: nothing is said."""
    item_path: Text = "{class_name}（类）{kuan_name}（款）{item_name}（项）"
    """A function 项 named with its 类 and 款, as per-项 lists print it."""


PAIRED_ITEMS = {"30108": ["2080505"], "30109": ["2080506"], "30113": ["2210201"], "30110": ["2101101"]}
"""Economic 款 → the function 项 whose basic expenditure it is, when a profile says nothing else."""


class Profile(Strict):
    name: Text
    kind: Literal["budget", "final"]
    title: Text
    """Document title, e.g. "{department}{year}年部门预算"."""
    cover: bool = False
    cover_lines: list[Text] = []
    """Lines printed under the title on the cover (sentence templates, e.g. "预算主管部门：{department}")."""
    toc: bool = False
    toc_title: Text = "目  录"
    toc_depth: int = Field(2, ge=0, le=6)
    """How many levels of sections below the parts the table of contents lists."""
    numbering: Numbering = Numbering()
    tables: TableStyle = TableStyle()
    text: TextStyle = TextStyle()
    paired_items: dict[str, list[Text]] = PAIRED_ITEMS
    """Economic 款 whose basic expenditure is, in the region's practice, the sum of these function 项 (a warning when not)."""
    project_in_running_items: bool = False
    """The region books project money under 行政运行/事业运行 (e.g. Shanghai 2010301/2010350): no warning for it."""
    execution_basis: Literal["initial", "adjusted"] = "initial"
    """The budget that execution rates and self-evaluations compare against: 年初预算 or 调整预算."""
    wording: Wording = Wording()
    reason_threshold: Decimal = Field(Decimal(0), ge=0)
    """Percent: a 类 whose 决算 differs from its 年初预算 by more than this needs a written reason (0: any difference)."""
    glossary: Text | None = None
    """Name of a glossary file in glossary/ of a templates folder."""
    texts: list[Text] = []
    """Keys of the data's ``texts`` that the profile's sentences use and a department may leave out (then empty)."""
    summary_classes: list[Text] = []
    """Function 类 codes listed (even when empty) in the summary tables, in order."""
    table_titles: dict[str, Text] = {}
    """Per table id: its title template, e.g. "{year}年部门收支预算总表"."""
    table_notes: dict[str, list[Text]] = {}
    """Per table id: notes printed under it (sentence templates)."""
    table_options: dict[str, dict[str, Any]] = {}
    """Per table id: builder options (column heads, zero style, landscape …)."""
    outline: list[Node] = Field(min_length=1)
    _source: Any = PrivateAttr(default=None)
    """(raw values, positions) of the profile file, for messages at its own lines."""

    @property
    def source(self) -> tuple[dict[str, Any], Any] | None:
        return self._source


def for_report(profile: Profile, report: Any) -> Profile:
    """The profile with the report's own choices laid over it: ``table_options`` table by table, ``summary_classes``."""
    own = getattr(report, "table_options", {}) or {}
    classes = getattr(report, "summary_classes", []) or []
    update: dict[str, Any] = {}
    if own:
        update["table_options"] = {tid: {**profile.table_options.get(tid, {}), **own.get(tid, {})} for tid in {*profile.table_options, *own}}
    if classes:
        update["summary_classes"] = list(classes)
    return profile.model_copy(update=update) if update else profile


def profile_path(name: str, base: Path | None = None) -> Path:
    if base is not None:
        return base / "profiles" / f"{name}.yaml"
    return find_template("profiles", f"{name}.yaml")


MAX_NAME = 64
"""A profile's name is a file name: at most 64 characters of letters, digits, - and _."""


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # e.g. a name too long for the file system
        return False


def load_profile(name: str, where: Pos, base: Path | None = None) -> Profile:
    """Load and validate a profile; an unknown name is reported at the data file's ``profile`` key."""
    path = profile_path(name, base)
    if not (0 < len(name) <= MAX_NAME and name.replace("-", "").replace("_", "").isalnum() and _is_file(path)):
        known = _names(base)
        shown = name if len(name) <= MAX_NAME else name[:MAX_NAME] + "…"
        raise DataErrors([error(where, f"找不到模板配置（profile）“{shown}”；可用的有：{'、'.join(known)}", "profile")])
    raw, positions = load_file(path)
    try:
        profile = Profile.model_validate(raw)
    except Exception as exc:  # pydantic.ValidationError
        raise DataErrors(issues_from(exc, positions)) from None
    profile._source = (raw, positions)
    return profile


_TEXT_FIELD = re.compile(r"\{text\.([A-Za-z0-9_]+)\}")


def texts_used(profile: Profile) -> dict[str, str]:
    """Every key of the data's ``texts`` the profile prints, with the title of the first section that prints it."""
    found: dict[str, str] = {}

    def note(key: str, where: str) -> None:
        found.setdefault(key, where)

    def blocks(specs: list[Block], where: str) -> None:
        for b in specs:
            if b.text is not None:
                note(b.text, where)
            for template in (b.say, b.item, b.lead):
                for key in _TEXT_FIELD.findall(template or ""):
                    note(key, where)
            blocks(b.items, where)
            blocks(b.after, where)

    def nodes(specs: list[Node], trail: str) -> None:
        for n in specs:
            title = re.sub(r"\{[^}]*\}", "", n.part or n.title or "").strip()
            where = f"{trail} › {title}" if trail else title
            for key in _TEXT_FIELD.findall(n.part or n.title or ""):
                note(key, where)
            blocks(n.body, where)
            nodes(n.sections, where)

    nodes(profile.outline, "")
    for template in [*profile.table_titles.values(), *(n for notes in profile.table_notes.values() for n in notes)]:
        for key in _TEXT_FIELD.findall(template):
            note(key, "表格")
    return found


def outline_blocks(profile: Profile) -> Iterator[Block]:
    """Every block of the profile's outline in the order it prints them, those inside a block (``items``, ``after``) included."""

    def blocks(specs: list[Block]) -> Iterator[Block]:
        for b in specs:
            yield b
            yield from blocks(b.items)
            yield from blocks(b.after)

    def nodes(specs: list[Node]) -> Iterator[Block]:
        for n in specs:
            yield from blocks(n.body)
            yield from nodes(n.sections)

    return nodes(profile.outline)


def table_ids(profile: Profile) -> list[str]:
    """The ids of the tables the profile's outline prints, in the order it shows them (this fixes their numbers)."""
    return list(dict.fromkeys(b.table for b in outline_blocks(profile) if b.table is not None))


def _names(base: Path | None) -> list[str]:
    if base is not None:
        return sorted(p.stem for p in base.joinpath("profiles").glob("*.yaml"))
    return template_names("profiles")


def profile_names(kind: str | None = None, base: Path | None = None) -> list[str]:
    """The profiles of every templates folder (of one kind of report, when given), by name."""
    names = _names(base)
    if kind is None:
        return names
    return [n for n in names if load_file(profile_path(n, base))[0].get("kind") == kind]


Block.model_rebuild()
Node.model_rebuild()

__all__ = ["Profile", "Node", "Block", "for_report", "load_profile", "templates_dir"]
