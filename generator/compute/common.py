"""Figures computed the same way for budgets and final accounts."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.model.common import Procurement, ProcurementKind, StaffGroup, ThreePublic
from generator.compute.tree import Node, build_tree, column_total

PERSONNEL_CLASSES = ("301", "303")
"""Economic 类 counted as 人员经费; every other class of basic expenditure is 公用经费."""


@dataclass(frozen=True)
class ThreePublicFigures:
    outbound: Decimal
    vehicle_purchase: Decimal
    vehicle_operation: Decimal
    reception: Decimal

    @property
    def vehicle(self) -> Decimal:
        return self.vehicle_purchase + self.vehicle_operation

    @property
    def total(self) -> Decimal:
        return self.outbound + self.vehicle + self.reception

    @classmethod
    def of(cls, data: ThreePublic) -> "ThreePublicFigures":
        return cls(data.outbound, data.vehicle_purchase, data.vehicle_operation, data.reception)


def kind_amount(kind: ProcurementKind) -> Decimal:
    if kind.items:
        return sum((i.amount for i in kind.items), Decimal(0))
    return kind.amount if kind.amount is not None else Decimal(0)


@dataclass(frozen=True)
class ProcurementFigures:
    goods: Decimal
    works: Decimal
    services: Decimal
    sme_goods: Decimal | None
    sme_works: Decimal | None
    sme_services: Decimal | None
    small_micro: Decimal | None

    @property
    def total(self) -> Decimal:
        return self.goods + self.works + self.services

    @property
    def sme(self) -> Decimal | None:
        parts = (self.sme_goods, self.sme_works, self.sme_services)
        if all(p is None for p in parts):
            return None
        return sum((p for p in parts if p is not None), Decimal(0))

    @classmethod
    def of(cls, data: Procurement) -> "ProcurementFigures":
        return cls(
            kind_amount(data.goods),
            kind_amount(data.works),
            kind_amount(data.services),
            data.goods.sme,
            data.works.sme,
            data.services.sme,
            data.small_micro,
        )


def econ_tree(rows: list[tuple[str, Decimal]]) -> list[Node]:
    """Basic expenditure by economic 类/款 with 人员经费 and 公用经费 columns."""
    leaves = []
    for code, amount in rows:
        personnel = code[:3] in PERSONNEL_CLASSES
        leaves.append((code, {"amount": amount, "personnel": amount if personnel else Decimal(0), "public": Decimal(0) if personnel else amount}))
    return build_tree(leaves, ("amount", "personnel", "public"))


def econ_totals(roots: list[Node]) -> tuple[Decimal, Decimal, Decimal]:
    """(basic, personnel, public) of an economic tree."""
    return (
        column_total(roots, "amount") or Decimal(0),
        column_total(roots, "personnel") or Decimal(0),
        column_total(roots, "public") or Decimal(0),
    )


def staff_total(group: StaffGroup | None) -> int | None:
    if group is None:
        return None
    if group.total is not None:
        return group.total
    return sum(i.count for i in group.items)
