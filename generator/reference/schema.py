"""The JSON Schema of the data format, from the pydantic models, with every key's meaning as its description."""

from __future__ import annotations

import json
from typing import Any

from generator.model import REPORT, BudgetReport, FinalReport
from generator.reference.fields import all_models, meaning


def _number(node: Any) -> Any:
    """Decimal fields validate from numbers only (the loader reads YAML numbers exactly): say so.

    pydantic describes a Decimal as a number or a numeric string (nested or flat among the options of an
    optional field, depending on its version); the string option is dropped."""
    if isinstance(node, dict):
        options = node.get("anyOf")
        if isinstance(options, list):
            flat: list[Any] = []
            for option in options:
                option = _number(option)
                flat += option["anyOf"] if isinstance(option, dict) and list(option) == ["anyOf"] else [option]
            if any(isinstance(o, dict) and o.get("type") == "number" for o in flat):
                flat = [o for o in flat if not (isinstance(o, dict) and o.get("type") == "string")]
            rest = {k: _number(v) for k, v in node.items() if k != "anyOf"}
            return {**flat[0], **rest} if len(flat) == 1 else {"anyOf": flat, **rest}
        return {k: _number(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_number(v) for v in node]
    return node


def data_schema() -> dict[str, Any]:
    schema = _number(REPORT.json_schema(mode="validation"))
    models = {m.__name__: m for root in (BudgetReport, FinalReport) for m in all_models(root)}
    for name, definition in schema.get("$defs", {}).items():
        model = models.get(name)
        if model is None:
            continue
        for key, prop in definition.get("properties", {}).items():
            info = model.model_fields.get(key)
            if info is not None and not prop.get("description"):
                text = meaning(model, key, info)
                if text:
                    prop["description"] = text
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "部门预算、决算公开数据文件", **schema}


def schema_text() -> str:
    return json.dumps(data_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
