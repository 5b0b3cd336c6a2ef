"""Human-written material that the report prints as given: annex sections and free tables."""

from __future__ import annotations

from pydantic import Field, model_validator

from generator.model.base import Strict, Text


class Cell(Strict):
    text: Text = ""
    colspan: int = Field(default=1, ge=1, le=40)
    rowspan: int = Field(default=1, ge=1, le=200)


CellLike = Text | Cell


class FreeTable(Strict):
    title: Text | None = None
    captions: list[Text] = []
    header: list[list[CellLike]] = []
    rows: list[list[CellLike]] = []
    notes: list[Text] = []


class Block(Strict):
    """One block of an annex: a paragraph, a list or a table (exactly one of them)."""

    p: Text | None = None
    items: list[Text] | None = None
    table: FreeTable | None = None
    heading: Text | None = None

    @model_validator(mode="after")
    def _one_kind(self) -> "Block":
        kinds = [k for k in ("p", "items", "table", "heading") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise ValueError("block_one_kind")
        return self


class Attachment(Strict):
    title: Text
    blocks: list[Block] = []
