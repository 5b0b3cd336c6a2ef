"""Facts of a budget disclosure."""

from __future__ import annotations

from decimal import Decimal

from generator.compute.budget import BudgetFigures
from generator.model.budget import BudgetReport
from generator.model.money import INCOME_SOURCES
from generator.present.profile import Profile
from generator.present.tables.common import Namer
from generator.zh.text import tidy
from generator.present.tables.grid import Money
from generator.present.facts import Facts
from generator.present.facts.common import add_assets, add_change, add_procurement, add_overview, add_share, add_no_change, add_shares, add_texts, item_path

METRICS = ("total", "basic", "project", "personnel", "public", "gov_fund", "state_capital", "appropriation", "income_appropriation")
INCOME_NAMES = ("general", "gov_fund", "state_capital", "appropriation", *INCOME_SOURCES)
THREE_PUBLIC = ("outbound", "vehicle", "vehicle_purchase", "vehicle_operation", "reception", "total")


def _three_public(facts: Facts, report: BudgetReport, fig: BudgetFigures, profile: Profile, base: str) -> None:
    current = fig.three_public
    for item in THREE_PUBLIC:
        facts.figure(f"tp.{item}", getattr(current, item))
    for item in THREE_PUBLIC:
        change = fig.three_public_change(item)
        if change is None:
            add_no_change(facts, f"tp_{item}")
            continue
        key = "three_public" if item == "total" else item
        add_change(facts, f"tp_{item}", change, base, profile, report.reasons, key)


def budget_facts(report: BudgetReport, fig: BudgetFigures, profile: Profile, table_labels: dict[str, str]) -> Facts:
    facts = Facts(money=Money(profile.text.thousands, profile.text.zero, profile.text.unit))
    prev_year = report.year - 1
    facts.set("year", str(report.year))
    facts.set("prev_year", str(prev_year))
    facts.set("department", report.department.name)
    add_texts(facts, report.texts, profile.texts)
    base = profile.wording.prev_base.format(prev_year=prev_year, year=report.year)
    for metric in METRICS[:5]:
        facts.figure(metric, getattr(fig, metric))
    for metric in METRICS:
        change = fig.change(metric)
        if change is None:
            add_no_change(facts, metric)
        else:
            metric_base = profile.wording.bases.get(metric, profile.wording.prev_base).format(prev_year=prev_year, year=report.year)
            key = metric if metric in type(report.reasons).model_fields else None
            add_change(facts, metric, change, metric_base, profile, report.reasons, key)
    led = fig.ledger
    for name in INCOME_NAMES:
        facts.figure(f"income.{name}", led.total(f"income_{name}"))
    facts.figure("income_total", fig.income_total)
    facts.figure("spending_total", fig.spending_total)
    facts.figure("appropriation", fig.appropriation)
    facts.figure("state_capital_total", fig.state_capital_total)
    facts.figure("carry_start", fig.carry_start)
    facts.flags["has_state_capital"] = fig.state_capital_total != 0
    add_shares(facts, {"basic": fig.basic, "project": fig.project}, fig.total)
    add_shares(facts, {"personnel": fig.personnel, "public": fig.public, "project_of_total": fig.project}, fig.total)
    add_share(facts, "general", fig.total, fig.grand_total)
    facts.figure("grand_total", fig.grand_total)
    facts.figure("gov_fund_total", fig.gov_fund_total)
    facts.flags["has_gov_fund"] = fig.gov_fund_total != 0
    for code, value in fig.econ_all.items():
        facts.figure(f"econ_all.{code}", value)
    for root in fig.economics:
        facts.figure(f"econ.{root.code}", root.values["amount"])
        facts.flags[f"has.econ.{root.code}"] = bool(root.values["amount"])
    for code in ("301", "302", "303", "307", "310", "399"):
        if f"econ.{code}" not in facts.values:
            facts.figure(f"econ.{code}", Decimal(0))
    _three_public(facts, report, fig, profile, base)
    facts.figure("operating_costs", fig.operating_costs)
    facts.set("operating_scope", report.operating_costs.scope or "")
    operating = fig.operating_change(report.previous.operating_costs if report.previous else None)
    if operating is not None:
        add_change(facts, "operating_costs", operating, base, profile, report.reasons, "operating_costs")
    perf = report.performance
    facts.set("count.project_indicators", "" if perf.project_indicators is None else str(perf.project_indicators))
    facts.set("count.whole_indicators", "" if perf.whole_indicators is None else str(perf.whole_indicators))
    # count.<list> is the number of entries of the list of that name (the audit counts a printed list against it)
    facts.set("count.projects", str(len(report.projects)))
    facts.set("count.target_projects", str(perf.target_projects if perf.target_projects is not None else len(report.projects)))
    facts.figure("target_amount", perf.target_amount if perf.target_amount is not None else fig.projects_total)
    facts.set("count.three_public_units", str(len(report.three_public_units)))
    facts.figure("projects_total", fig.projects_total)
    for table_id, label in table_labels.items():
        facts.set(f"ref.{table_id}", label)
    contact = report.department.contact
    facts.set("contact.address", contact.address or "")
    facts.set("contact.person", contact.person or "")
    facts.set("contact.phone", contact.phone or "")
    add_overview(facts, report.overview)
    add_assets(facts, report.assets)
    add_procurement(facts, fig.procurement, {k: getattr(report.procurement, k).items for k in ("goods", "works", "services")})
    _lists(facts, report, fig, profile)
    return facts


def _lists(facts: Facts, report: BudgetReport, fig: BudgetFigures, profile: Profile) -> None:
    code_name = Namer.of(report)
    classes = [n for n in fig.functions if n.values["total"]]
    class_shares = facts.shares([n.values["total"] or Decimal(0) for n in classes], fig.total)
    facts.lists["function_classes"] = [
        {"code": n.code, "name": code_name(n.code), "amount": facts.amount(n.values["total"]), "share": share} for n, share in zip(classes, class_shares)
    ]
    project_items = []
    for root in fig.functions:
        for node in root.walk():
            if node.level == 2 and node.values["project"]:
                project_items.append(
                    {
                        "code": node.code,
                        "name": code_name(node.code),
                        "amount": facts.amount(node.values["project"]),
                        "use": report.texts.get(f"project_use_{node.code}", ""),
                    }
                )
    facts.lists["project_functions"] = project_items
    uses = {r.code: r.use for r in (*report.expenditure, *report.gov_fund_expenditure, *report.state_capital_expenditure) if r.use}
    facts.lists["items"] = [
        {
            "code": node.code,
            "name": code_name(node.code),
            "path": item_path(profile.wording.item_path, code_name, node.code),
            "amount": facts.amount(node.values["appropriation"]),
            "use": tidy(uses.get(node.code, "")),
        }
        for root in fig.ledger.roots
        for node in root.walk()
        if node.level == 2 and node.values["appropriation"]
    ]
    facts.lists["econ_classes"] = [
        {"code": n.code, "name": code_name(n.code), "amount": facts.amount(n.values["amount"])} for n in fig.economics if n.values["amount"]
    ]
    facts.lists["projects"] = [
        {
            "name": p.name,
            "amount": facts.amount(a),
            "description": p.description or "",
            "overview": tidy(p.overview or ""),
            "implementer": tidy(p.implementer or ""),
            "plan": tidy(p.plan or ""),
            "period": tidy(p.period or ""),
            "details_total": facts.amount(a) if len(p.details) > 1 else "",
        }
        for p, a in zip(report.projects, fig.project_amounts)
    ]
    for i, p in enumerate(report.projects):
        facts.lists[f"projects.{i}.basis"] = [{"text": tidy(b)} for b in p.basis]
        facts.lists[f"projects.{i}.details"] = [{"content": tidy(d.content), "amount": facts.amount(d.amount)} for d in p.details]
    facts.flags["has.items"] = bool(facts.lists["items"])
    facts.flags["has.projects"] = bool(report.projects)
    facts.lists["operating_items"] = [{"label": i.label, "amount": facts.amount(i.amount)} for i in fig.operating_items]
    facts.lists["three_public_units"] = [{"name": u} for u in report.three_public_units]
