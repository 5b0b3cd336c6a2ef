"""Every key of the data format (and of a profile): its type, unit, meaning and an example.

The meaning is the field's docstring in the model, or its entry in ``descriptions.yaml`` beside this
module; ``undocumented`` lists the fields that have neither (a test keeps it empty).
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib.resources import files
from typing import Any, Literal, Union

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.model.base import Amount, Code, Count, Points


@dataclass(frozen=True)
class FieldDoc:
    path: str
    """The key as it is written, with [] for a list item and <key> for a mapping's own keys (expenditure[].basic)."""
    model: str
    name: str
    type: str
    unit: str
    meaning: str
    required: bool
    default: str


@lru_cache(maxsize=1)
def descriptions() -> dict[str, str]:
    """Meanings of fields that carry no docstring, by ``Model.field``."""
    from ruamel.yaml import YAML

    text = (files("generator.reference") / "descriptions.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe").load(text) or {}
    return {str(k): str(v).strip() for k, v in data.items()}


def _owner(model: type[BaseModel], name: str) -> type[BaseModel]:
    """The class that declares ``name`` (fields are inherited)."""
    for base in model.__mro__:
        if name in getattr(base, "__annotations__", {}):
            return base
    return model


def meaning(model: type[BaseModel], name: str, info: FieldInfo) -> str:
    owner = _owner(model, name)
    qualified = f"{owner.__module__.rsplit('.', 1)[-1]}.{owner.__name__}.{name}"
    return (info.description or "").strip() or descriptions().get(qualified) or descriptions().get(f"{owner.__name__}.{name}", "")


def _metadata_kind(ann: Any) -> str | None:
    for alias, kind in ((Amount, "amount"), (Points, "points"), (Count, "count"), (Code, "code")):
        if ann == alias:
            return kind
    return None


KIND_TEXT = {
    "amount": ("金额（数字）", "文件的 unit（默认万元）"),
    "points": ("分值（数字）", "分"),
    "count": ("整数（不小于 0）", "个/人/辆等"),
    "code": ("编码（加引号的数字文字）", ""),
}


def describe_type(ann: Any) -> tuple[str, str]:
    """(type, unit) of an annotation, in words."""
    kind = _metadata_kind(ann)
    if kind:
        return KIND_TEXT[kind]
    origin = typing.get_origin(ann)
    args = typing.get_args(ann)
    if origin in (Union, types.UnionType):
        parts = [describe_type(a) for a in args if a is not type(None)]
        if len(parts) == 1:
            return parts[0][0] + "，可省略", parts[0][1]
        return "或".join(p[0] for p in parts), next((p[1] for p in parts if p[1]), "")
    if origin is Literal:
        return "取值之一：" + "、".join(str(a) for a in args), ""
    if origin is typing.Annotated:
        return describe_type(args[0])
    if origin in (list, tuple):
        inner, unit = describe_type(args[0]) if args else ("值", "")
        return f"列表（每项：{inner}）", unit
    if origin is dict:
        key, _ = describe_type(args[0])
        value, unit = describe_type(args[1])
        return f"映射（键：{key}；值：{value}）", unit
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return f"键值映射（{ann.__name__}）", ""
    if ann is str:
        return "文字", ""
    if ann is bool:
        return "true 或 false", ""
    if ann is int:
        return "整数", ""
    if ann is Decimal:
        return "数字", ""
    if ann is Any:
        return "任意值", ""
    return getattr(ann, "__name__", str(ann)), ""


def field_type(info: FieldInfo) -> tuple[str, str]:
    """(type, unit) of a field; pydantic keeps a plain field's Annotated validators in ``metadata``."""
    names = {getattr(getattr(m, "func", None), "__name__", "") for m in info.metadata}
    for marker, kind in (("_to_wan", "amount"), ("_hundredths", "points"), ("_code", "code")):
        if marker in names:
            return KIND_TEXT[kind]
    if info.annotation is int and any(getattr(m, "func", None) is not None for m in info.metadata):
        return KIND_TEXT["count"]
    return describe_type(info.annotation)


def _models_in(ann: Any) -> list[tuple[str, type[BaseModel]]]:
    """Models reachable from an annotation, with the suffix that leads to them ("[]" for a list item)."""
    origin = typing.get_origin(ann)
    args = typing.get_args(ann)
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return [("", ann)]
    if origin in (list, tuple) and args:
        return [("[]" + s, m) for s, m in _models_in(args[0])]
    if origin is dict and len(args) == 2:
        return [(".<键>" + s, m) for s, m in _models_in(args[1])]
    out: list[tuple[str, type[BaseModel]]] = []
    for a in args:
        out += _models_in(a)
    return out


def _default(info: FieldInfo) -> str:
    if info.is_required():
        return ""
    value = info.default
    if value is None:
        return ""
    if isinstance(value, BaseModel) or value in ([], {}, ()):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def walk(root: type[BaseModel], prefix: str = "") -> list[FieldDoc]:
    """Every key under ``root``, depth first, each model's keys once per place it can appear."""
    out: list[FieldDoc] = []

    def visit(model: type[BaseModel], at: str, trail: tuple[type[BaseModel], ...]) -> None:
        for name, info in model.model_fields.items():
            path = f"{at}.{name}" if at else name
            kind, unit = field_type(info)
            out.append(FieldDoc(path, _owner(model, name).__name__, name, kind, unit, meaning(model, name, info), info.is_required(), _default(info)))
            for suffix, sub in _models_in(info.annotation):
                if sub not in trail:
                    visit(sub, path + suffix, (*trail, sub))

    visit(root, prefix, (root,))
    return out


def all_models(root: type[BaseModel]) -> list[type[BaseModel]]:
    seen: list[type[BaseModel]] = []

    def visit(model: type[BaseModel]) -> None:
        if model in seen:
            return
        seen.append(model)
        for info in model.model_fields.values():
            for _, sub in _models_in(info.annotation):
                visit(sub)

    visit(root)
    return seen


def undocumented(*roots: type[BaseModel]) -> list[str]:
    """``Model.field`` of every field without a meaning (docstring or descriptions.yaml)."""
    missing: set[str] = set()
    for root in roots:
        for model in all_models(root):
            for name, info in model.model_fields.items():
                if not meaning(model, name, info):
                    missing.add(f"{_owner(model, name).__name__}.{name}")
    return sorted(missing)


def stale_descriptions(*roots: type[BaseModel]) -> list[str]:
    """Entries of descriptions.yaml that name no field (a renamed or removed key)."""
    known = {f"{_owner(m, n).__name__}.{n}" for root in roots for m in all_models(root) for n in m.model_fields}
    known |= {f"{_owner(m, n).__module__.rsplit('.', 1)[-1]}.{_owner(m, n).__name__}.{n}" for root in roots for m in all_models(root) for n in m.model_fields}
    return sorted(set(descriptions()) - known)
