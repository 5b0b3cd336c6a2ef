"""The table options a profile (``table_options``) or a data file may set, read off the table builders' code.

Every ``self.opt(table, "key", default)`` call of ``generator/present/tables`` and every key of
``Money.with_options`` is an option; ``table_options.yaml`` beside this module says what each does.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files


@dataclass(frozen=True)
class TableOption:
    table: str
    """The table id, or * for an option every table takes."""
    key: str
    default: str


def _literal(node: ast.AST) -> str:
    try:
        return repr(ast.literal_eval(node))
    except ValueError:
        return ast.unparse(node)


@lru_cache(maxsize=1)
def table_options() -> list[TableOption]:
    found: dict[tuple[str, str], TableOption] = {}
    folder = files("generator.present") / "tables"
    for source in sorted(folder.iterdir(), key=lambda p: p.name):
        if not source.name.endswith(".py"):
            continue
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "get"
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "o"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                key_name = str(node.args[0].value)  # o.get("key", default): an option of the classification tables
                found.setdefault(("*", key_name), TableOption("*", key_name, _literal(node.args[1]) if len(node.args) > 1 else "None"))
                continue
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "opt" and len(node.args) == 3):
                continue
            table, key, default = node.args
            if not isinstance(key, ast.Constant):
                continue
            name = table.value if isinstance(table, ast.Constant) else "*"
            found.setdefault((str(name), str(key.value)), TableOption(str(name), str(key.value), _literal(default)))
    for key_name, default_text in (
        ("zero", "（同 tables.zero）"),
        ("thousands", "（同 tables.thousands）"),
        ("unit", "（同 tables.unit）"),
        ("landscape", "False"),
        ("widths", "（表格自带的列宽）"),
    ):
        found.setdefault(("*", key_name), TableOption("*", key_name, default_text))
    return sorted(found.values(), key=lambda o: (o.table != "*", o.table, o.key))


@lru_cache(maxsize=1)
def option_meanings() -> dict[str, str]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load((files("generator.reference") / "table_options.yaml").read_text(encoding="utf-8")) or {}
    return {str(k): str(v) for k, v in data.items()}


def option_meaning(option: TableOption) -> str:
    meanings = option_meanings()
    return meanings.get(f"{option.table}.{option.key}") or meanings.get(option.key, "")
