"""Facts of a final-account disclosure (部门决算): every computed figure as it prints, by name."""

from __future__ import annotations

from decimal import Decimal

from generator.compute.change import Execution
from generator.compute.final import THREE_PUBLIC_ITEMS, Evaluation, FinalFigures
from generator.model.final import FinalReport
from generator.present.profile import Profile
from generator.present.tables.common import Namer
from generator.zh.numbers import fmt_pct, fmt_points
from generator.zh.phrases import ChangeWording, ExecutionWording, change_phrase, execution_phrase
from generator.zh.text import tidy
from generator.present.tables.final import INCOME_COLUMNS
from generator.present.tables.grid import Money
from generator.present.facts import Facts
from generator.present.facts.common import add_assets, add_change, add_reason, add_overview, add_procurement, add_share, add_shares, add_texts, item_path

DIRECTION = {"up": "增加", "down": "减少", "flat": ""}

# "三公" item → (reason key for the deviation from budget, reason key for the change on last year)
THREE_PUBLIC_REASONS = {
    "total": ("three_public_budget", "three_public_change"),
    "outbound": ("outbound", None),
    "vehicle": ("vehicle_budget", "vehicle_change"),
    "vehicle_purchase": (None, None),
    "vehicle_operation": ("vehicle_operation", None),
    "reception": ("reception_budget", "reception_change"),
}


def execution_text(execution: Execution, profile: Profile, three_public: bool = False) -> str:
    """完成年初预算的P% in the profile's words; ``execution`` as printed (Facts.execution)."""
    w = profile.wording
    rate = w.three_public_execution_rate if three_public and w.three_public_execution_rate else w.execution_rate
    return execution_phrase(execution, ExecutionWording(rate=rate, no_budget=w.execution_no_budget))


def comparison(execution: Execution, profile: Profile) -> str:
    """How 决算数 compares with 预算数 in the profile's words (大于/小于; nothing to explain when equal); ``execution`` as printed."""
    w = profile.wording
    return {"over": w.budget_over, "under": w.budget_under, "equal": ""}[execution.comparison]


def _three_public(facts: Facts, report: FinalReport, fig: FinalFigures, profile: Profile, base: str) -> None:
    tp = fig.three_public
    for item in THREE_PUBLIC_ITEMS:
        execution = facts.execution(tp.execution(item))
        facts.figure(f"tp_budget.{item}", execution.budget)
        facts.figure(f"tp.{item}", execution.actual)
        facts.set(f"exec.tp_{item}", execution_text(execution, profile, three_public=True))
        budget_key, change_key = THREE_PUBLIC_REASONS[item]
        facts.set(f"cmp.tp_{item}", comparison(execution, profile))
        add_reason(facts, f"why_budget.tp_{item}", report.reasons, budget_key, execution.comparison != "equal")
        change = tp.change(item)
        if change is not None:
            add_change(facts, f"tp_{item}", change, base, profile, report.reasons, change_key)
            facts.set(f"dir.tp_{item}", DIRECTION[facts.change(change).direction])
    data = report.three_public
    facts.set("tp.outbound_groups", str(data.outbound_groups))
    facts.set("tp.outbound_people", str(data.outbound_people))
    facts.set("tp.vehicles_held", "" if data.vehicles_held is None else str(data.vehicles_held))
    facts.set("tp.vehicles_bought", str(data.vehicles_bought))
    for key in ("reception_batches", "reception_people", "foreign_batches", "foreign_people"):
        value = getattr(data, key)
        facts.set(f"tp.{key}", "" if value is None else str(value))
    facts.figure("tp.foreign_reception", data.foreign_reception)
    add_shares(facts, {f"tp_{k}": getattr(tp.actual, k) for k in ("outbound", "vehicle", "reception")}, tp.actual.total)
    facts.lists["receptions"] = [{"name": r.name, "amount": facts.amount(r.amount), "text": tidy(r.text)} for r in data.receptions]


def _evaluation_facts(facts: Facts, fig: FinalFigures) -> None:
    facts.set("eval.count", str(len(fig.projects)))
    facts.figure("eval.amount", fig.evaluated)
    add_share(facts, "eval", fig.evaluated, fig.project)
    whole: Evaluation | None = fig.whole
    facts.figure("whole.budget", whole.execution.budget if whole else None)
    facts.set("whole.rate", fmt_pct(facts.execution(whole.execution).rate) if whole else "")
    facts.set("whole.score", fmt_points(whole.total) if whole else "")


def final_facts(report: FinalReport, fig: FinalFigures, profile: Profile, table_labels: dict[str, str]) -> Facts:
    facts = Facts(money=Money(profile.text.thousands, "0.00", profile.text.unit))
    year, prev_year = report.year, report.year - 1
    facts.set("year", str(year))
    facts.set("prev_year", str(prev_year))
    facts.set("department", report.department.name)
    add_texts(facts, report.texts, profile.texts)
    for key, value in report.reasons.model_dump().items():
        facts.set(f"reason.{key}", tidy(value or ""))
    base = profile.wording.prev_base.format(prev_year=prev_year, year=year)
    for metric in ("total", "basic", "project", "personnel", "public", "operating_costs", "initial_total"):
        facts.figure(metric, getattr(fig, metric))
    for metric in ("total", "operating_costs"):
        change = fig.change(metric)
        if change is not None:
            add_change(facts, metric, change, base, profile, report.reasons, metric)
            facts.set(
                f"change_amount.{metric}", change_phrase(facts.change(change), f"{prev_year}年度决算数", ChangeWording(), with_rate=False, money=facts.money)
            )
    add_shares(facts, {"basic": fig.basic, "project": fig.project}, fig.total)
    general = facts.execution(fig.general_execution)
    facts.set("exec.general", execution_text(general, profile))
    facts.set("cmp.general", comparison(general, profile))
    add_reason(facts, "why_budget.general", report.reasons, "general_budget", general.comparison != "equal")
    _whole_money(facts, report, fig, profile, base)
    _three_public(facts, report, fig, profile, base)
    add_procurement(facts, fig.procurement, {k: getattr(report.procurement, k).items for k in ("goods", "works", "services")})
    add_assets(facts, report.assets)
    add_overview(facts, report.overview)
    _evaluation_facts(facts, fig)
    for table_id, label in table_labels.items():
        facts.set(f"ref.{table_id}", label)
    _lists(facts, report, fig, profile)
    return facts


INCOME_NAMES = {key: name for name, key in INCOME_COLUMNS.items() if key != "income"}
"""Each source of 本年收入 by its ledger column, named as the 收入决算表 names it."""


def _whole_money(facts: Facts, report: FinalReport, fig: FinalFigures, profile: Profile, base: str) -> None:
    """Every kind of money: 收支总计, 本年收入 by source, 本年支出, 财政拨款, carry-over (with their changes and shares)."""
    led = fig.ledger
    for name, value in (
        ("grand_total", fig.grand_total),
        ("income_total", fig.income_total),
        ("spending_total", fig.spending_total),
        ("spending_basic", led.total("basic")),
        ("spending_project", led.total("project")),
        ("appropriation_total", fig.appropriation_grand_total),
        ("appropriation_income", fig.appropriation_income),
        ("carry.start", fig.start_total),
        ("carry.end", fig.end_total),
    ):
        facts.figure(name, value)
    add_shares(facts, {"spending_basic": led.total("basic"), "spending_project": led.total("project")}, fig.spending_total)
    add_share(facts, "general", fig.total, fig.spending_total)
    add_share(facts, "appropriation_income", fig.appropriation_income, fig.income_total)
    facts.figure("general_income", fig.general_income)
    sources = {key: led.total(key) for key in INCOME_NAMES}
    shown = {k: v for k, v in sources.items() if v}
    texts = facts.shares(list(shown.values()), fig.income_total)
    facts.lists["income_sources"] = [{"name": INCOME_NAMES[k], "amount": facts.amount(v), "share": t} for (k, v), t in zip(shown.items(), texts)]
    for key in ("appropriation", "general", "income_total", "spending_total", "general_income"):
        change = fig.change(key)
        if change is not None:
            # the reasons key that explains it: its own where the data has one, else the nearest wider total's
            order = {"general": ("general", "appropriation", "total"), "appropriation": ("appropriation", "total")}.get(key, ("total",))
            reason_key = next((k for k in order if getattr(report.reasons, k)), order[0])
            add_change(facts, key, change, base, profile, report.reasons, reason_key)
            facts.set(
                f"change_amount.{key}", change_phrase(facts.change(change), f"{report.year - 1}年度决算数", ChangeWording(), with_rate=False, money=facts.money)
            )
    facts.flags["has.gov_fund"] = bool(led.total("gov_fund") or led.total("income_gov_fund"))
    facts.flags["has.state_capital"] = bool(led.total("state_capital") or led.total("income_state_capital"))
    pm = report.performance_management
    for key in ("target_projects", "tracked_projects", "evaluated_projects", "problems"):
        count = getattr(pm, key) if pm else None
        facts.set(f"pm.{key}", "" if count is None else str(count))
    for key in ("target_amount", "tracked_amount", "evaluated_amount"):
        facts.figure(f"pm.{key}", getattr(pm, key) if pm else None)
    facts.set("pm.average_score", fmt_points(pm.average_score) if pm and pm.average_score is not None else "")
    for grade in ("excellent", "good", "pass", "fail"):
        facts.set(f"pm.{grade}", str(pm.grades.get(grade, 0)) if pm else "")
    proc = report.procurement
    for key in ("reserved_sme", "reserved_small_micro", "won_sme_reserved", "won_small_micro_reserved", "won_sme_other"):
        value = getattr(proc, key)
        facts.figure(f"proc.{key}", value)


def _item_executions(facts: Facts, report: FinalReport, fig: FinalFigures, profile: Profile, namer: Namer) -> None:
    w = profile.wording
    entries = []
    for item in fig.items:
        e = facts.execution(item.execution)
        equal = e.comparison == "equal"
        entries.append(
            {
                "code": item.code,
                "path": item_path(w.item_path, namer, item.code),
                "use": tidy(item.use or ""),
                "initial": facts.amount(e.budget),
                "actual": facts.amount(e.actual),
                "execution": execution_text(e, profile),
                "cmp": comparison(e, profile),
                "reason": tidy(item.reason or "") if not equal else "",
                "equal": w.budget_equal if equal else "",
            }
        )
    facts.lists["item_executions"] = entries


def _lists(facts: Facts, report: FinalReport, fig: FinalFigures, profile: Profile) -> None:
    namer = Namer.of(report)
    uses = {c.code: c.use for c in fig.classes}
    classes = [n for n in fig.functions if n.values["total"]]
    class_shares = facts.shares([n.values["total"] or Decimal(0) for n in classes], fig.total)
    facts.lists["function_classes"] = [
        {"code": n.code, "name": namer(n.code), "amount": facts.amount(n.values["total"]), "share": share, "use": tidy(uses.get(n.code) or "")}
        for n, share in zip(classes, class_shares)
    ]
    facts.lists["class_executions"] = [
        {
            "code": c.code,
            "name": namer(c.code),
            "initial": facts.amount(c.execution.budget),
            "actual": facts.amount(c.execution.actual),
            "execution": execution_text(e, profile),
            "cmp": comparison(e, profile),
            "reason": tidy(c.reason or "") if e.comparison != "equal" else "",
        }
        for c in fig.classes
        for e in [facts.execution(c.execution)]
    ]
    _item_executions(facts, report, fig, profile, namer)
    facts.lists["project_uses"] = [{"name": u.name, "amount": facts.amount(u.amount), "text": tidy(u.text)} for u in report.project_uses]
    for list_name, econ_classes in (("personnel_items", ("301", "303")), ("public_items", None)):
        facts.lists[list_name] = [
            {"code": r.code, "name": namer(r.code), "amount": facts.amount(r.amount)}
            for r in sorted(report.basic_economic, key=lambda r: r.code)
            if r.amount and (r.code[:3] in econ_classes if econ_classes else r.code[:3] not in ("301", "303"))
        ]
    facts.lists["project_evaluations"] = [
        {
            "name": p.name,
            "budget": facts.amount(e.execution.budget),
            "spent": facts.amount(e.execution.actual),
            "execution": fmt_pct(facts.execution(e.execution).rate),
            "score": fmt_points(e.total),
            "summary": tidy(p.summary),
        }
        for p, e in zip(report.project_evaluations, fig.projects)
    ]
    facts.set("eval.names", "、".join(p.name for p in report.project_evaluations))
    facts.lists["key_work"] = [{"title": tidy(k.title), "text": tidy(k.text)} for k in report.key_work]
