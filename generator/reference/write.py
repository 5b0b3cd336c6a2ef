"""Write the reference documentation (``disclosure reference``): docs/reference/*.md and the data file's JSON Schema.

Everything here is read off the code and the example reports, so the documents follow every change
(a test regenerates them and compares).
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.model import BudgetReport, FinalReport
from generator.present.profile import Block, Profile
from generator.reference.facts import example_facts, fact_meaning
from generator.reference.fields import FieldDoc, walk
from generator.reference.options import option_meaning, table_options
from generator.reference.schema import schema_text
from generator.reference.usage import Usage, usages

EXAMPLES = "data"
"""The example data files, relative to the project folder."""
HEADER = "<!-- 由 `disclosure reference` 根据代码与示例数据生成，请勿手工修改。 -->\n\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip()


def _used(doc: FieldDoc, found: dict[str, Usage]) -> tuple[str, str]:
    hits = [u for key, u in found.items() if _same(doc.path, key)]
    tables = sorted({t for u in hits for t in u.tables})
    sections = sorted({s for u in hits for s in u.sections})
    facts = sorted({f for u in hits for f in u.facts})
    parts = []
    if tables:
        parts.append("表格：" + "；".join(tables))
    if sections:
        parts.append("章节：" + "；".join(sections[:8]) + ("等" if len(sections) > 8 else ""))
    if facts:
        shown = facts[:12]
        parts.append("事实：" + "、".join(f"`{f}`" for f in shown) + ("等" if len(facts) > 12 else ""))
    example = next((f"`{u.example}`" for u in hits if u.example), "")
    return "<br>".join(parts), example


def _same(doc_path: str, key: str) -> bool:
    """Whether the concrete key pattern ``key`` (expenditure[].basic, texts.scope) is the documented ``doc_path``."""
    rx = re.escape(doc_path).replace(re.escape("<键>"), r"[^.\[\]]+")
    return re.fullmatch(rx, key) is not None


def data_keys(found: dict[str, dict[str, Usage]]) -> str:
    lines = [
        HEADER + "# 数据文件的键\n",
        "每个数据文件是一个 YAML 映射。下表列出每一个键：类型、单位、含义、默认值、在示例报告中用于哪些表格、章节与事实（句式中的 {名称}），",
        "以及示例值。`[]` 表示列表中的每一项，`<键>` 表示映射自己的键（如科目编码、texts 的段落名）。",
        "“用于”一栏由示例报告试验得出：把这个键的值改动一点，重新生成，列出随之变化的表格、章节与事实；示例中没有出现的键此栏为空。",
        "列表中的位置在提示信息中从 1 起算（expenditure[1] 是第一行）。\n",
        "编辑器补全与检查：数据文件首行写 `# yaml-language-server: $schema=<路径>/data.schema.json`（本文件夹中的 data.schema.json，或 `disclosure schema -o data.schema.json` 写出的文件）。\n",
    ]
    for kind, root in (("budget", BudgetReport), ("final", FinalReport)):
        title = "部门预算（kind: budget）" if kind == "budget" else "部门决算（kind: final）"
        lines.append(f"\n## {title}\n")
        lines.append("| 键 | 类型 | 单位 | 含义 | 默认 | 用于 | 示例 |")
        lines.append("|---|---|---|---|---|---|---|")
        for doc in walk(root):
            used, example = _used(doc, found.get(kind, {}))
            required = "（必填）" if doc.required else ""
            lines.append(
                f"| `{doc.path}` | {_cell(doc.type)}{required} | {_cell(doc.unit)} | {_cell(doc.meaning)} | {_cell(doc.default)} | {used} | {_cell(example)} |"
            )
    return "\n".join(lines) + "\n"


BLOCK_KINDS = ("say", "text", "list", "numbered", "partial", "chart", "forms", "table", "glossary", "page_break")


def profile_keys() -> str:
    lines = [
        HEADER + "# 模板配置（profile）\n",
        "模板配置是 `profiles/<名称>.yaml`：报告的各部分与章节、正文块、表格、编号与措辞。下表列出每一个键。",
        '本地模板文件夹（`--templates DIR`，或数据文件夹中 `disclosure.toml` 的 `templates = "文件夹"`）中的同名文件先于随附的文件使用。\n',
        "## 正文块的种类\n",
        "`outline` 中每一节的 `body` 是正文块的列表，每块须且只能是下列一种（`when`/`unless`/`cls` 可与任何一种同用）：\n",
        "| 种类 | 含义 |",
        "|---|---|",
    ]
    for kind in BLOCK_KINDS:
        info = Block.model_fields[kind]
        from generator.reference.fields import meaning

        lines.append(f"| `{kind}` | {_cell(meaning(Block, kind, info))} |")
    lines += ["\n## 全部的键\n", "| 键 | 类型 | 含义 | 默认 |", "|---|---|---|---|"]
    for doc in walk(Profile):
        required = "（必填）" if doc.required else ""
        lines.append(f"| `{doc.path}` | {_cell(doc.type)}{required} | {_cell(doc.meaning)} | {_cell(doc.default)} |")
    lines += [
        "\n## 表格选项（table_options）\n",
        "`table_options` 按表格 id 给出选项（数据文件的 `table_options` 可为本部门覆盖其中几项）。`*` 表示各表通用的选项。\n",
        "| 表格 | 选项 | 默认 | 含义 |",
        "|---|---|---|---|",
    ]
    for option in table_options():
        lines.append(f"| `{option.table}` | `{option.key}` | {_cell(f'`{option.default}`')} | {_cell(option_meaning(option))} |")
    return "\n".join(lines) + "\n"


def facts_page(files: list[Path]) -> str:
    lines = [
        HEADER + "# 事实（句式中可用的名称）\n",
        "模板配置的句式（`say`、`item`、标题等）用 `{名称}` 引用事实；方括号 `[…]` 中的事实为空时，整段省去。",
        "下表列出示例报告中的每一个事实、含义，以及它在一份示例报告中的值（空值表示该报告中没有这一项）。\n",
        "| 事实 | 含义 | 示例值 | 示例报告 |",
        "|---|---|---|---|",
    ]
    for name, (value, source) in example_facts(files).items():
        shown = value if len(value) <= 80 else value[:80] + "…"
        lines.append(f"| `{name}` | {_cell(fact_meaning(name))} | {_cell(shown)} | {source} |")
    return "\n".join(lines) + "\n"


def example_files(root: Path | None = None) -> list[Path]:
    base = root or Path.cwd()
    return sorted((base / EXAMPLES).glob("*/*-*.yaml"))


def pages(root: Path | None = None) -> dict[str, str]:
    """Every reference document by file name."""
    files = example_files(root)
    if not files:
        from generator.errors import UserError

        raise UserError(f"没有找到示例数据（{EXAMPLES}/*/*.yaml）：请在项目文件夹中运行")
    found = usages(files)
    return {"data-keys.md": data_keys(found), "profile.md": profile_keys(), "facts.md": facts_page(files), "data.schema.json": schema_text()}


def write_reference(out_dir: Path) -> list[Path]:
    from generator.commands.outputs import write_atomic

    written = []
    for name, text in pages().items():
        write_atomic(out_dir / name, text.encode("utf-8"))
        written.append(out_dir / name)
    return written
