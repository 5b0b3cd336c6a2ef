"""Typed data models: the only shape data has after loading."""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field, TypeAdapter

from generator.model.budget import BudgetReport
from generator.model.final import FinalReport

Report = Annotated[Union[BudgetReport, FinalReport], Field(discriminator="kind")]
REPORT: TypeAdapter[BudgetReport | FinalReport] = TypeAdapter(Report)

__all__ = ["BudgetReport", "FinalReport", "Report", "REPORT"]
