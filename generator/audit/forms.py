"""The self-evaluation forms of a final account as printed: what each form computes, recomputed.

- 执行率 (B/A) against 执行数 ÷ 预算数, and the execution score against its weight × 执行率 (at most the weight);
- the scores of a goal's (or group's) indicators against the weight its heading prints: they cannot add up
  to more (a published form heading "满意度指标（10分）" over an indicator scored 20);
- the weight printed for all the goals ("年度绩效目标（80分）") against the weights of its groups;
- 总分 against the execution score plus the indicator scores (only where no group exceeds its weight:
  there the heading or the scores are wrong, and the total cannot tell which).

The forms are found as the importer finds them (generator.ingest.evaluations); only what they print is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from generator.audit.causes import execution_cause
from generator.audit.finding import Finding
from generator.audit.numbers import HUNDRED, ZERO, Shown, Span, reaches, show, show_as, shown
from generator.ingest.evaluations import cells, form_rows, project_runs, whole_runs
from generator.ingest.pdf import RawTable


@dataclass
class Group:
    title: str
    weight: Shown
    page: int
    scores: list[Decimal] = field(default_factory=list)


@dataclass
class Form:
    name: str
    weight: Shown | None = None
    execution: list[Shown] = field(default_factory=list)
    """预算数, 执行数, 执行率, 得分 as printed."""
    execution_page: int = 0
    goals_weight: Shown | None = None
    groups: list[Group] = field(default_factory=list)
    total: Shown | None = None
    total_page: int = 0


def _form(run: list[RawTable], name: str) -> Form:
    form = Form(name)
    for r in form_rows(run):
        m = r.match
        if r.kind == "figures":
            form.execution = [v for v in (shown(c) for c in r.row if c) if v is not None]
            form.execution_page = r.page
        elif r.kind == "execution" and m is not None:
            form.weight = shown(m.group(1))
        elif r.kind == "goals" and m is not None:
            form.goals_weight = shown(m.group(1))
        elif r.kind == "goal" and m is not None and (w := shown(m.group(2))) is not None:
            form.groups.append(Group(f"年度绩效目标{m.group(1)}", w, r.page))
        elif r.kind == "total" and len(r.row) > 1:
            form.total, form.total_page = shown(r.row[1]), r.page
        elif r.kind == "indicator" and (score := shown(r.row[6])) is not None:
            if m is not None and (w := shown(m.group(2))) is not None:
                form.groups.append(Group(m.group(1), w, r.page))
            if form.groups:
                form.groups[-1].scores.append(score.value)
    return form


def _name(run: list[RawTable], fallback: str) -> str:
    first = cells(run[0].rows[0]) if run[0].rows else []
    return f"{fallback}（{first[1]}）" if fallback == "项目绩效自评表" and len(first) > 1 and first[1] else fallback


def forms(raw: list[RawTable]) -> list[Form]:
    out = [_form(run, _name(run, "整体绩效自评表")) for run in whole_runs(raw)]
    return out + [_form(run, _name(run, "项目绩效自评表")) for run in project_runs(raw)]


def _execution(form: Form) -> list[Finding]:
    if form.weight is None or len(form.execution) < 4:
        return []
    budget, actual, rate, score = form.execution[:4]
    out = []
    right = actual.span.percent_of(budget.span)
    where = f"{form.name}：预算执行情况"
    if right is not None and not reaches(rate, right):
        why = f"执行率{execution_cause(rate, right, actual.span, budget.span)}（执行数 {actual.text} ÷ 预算数 {budget.text}）"
        out.append(Finding(form.execution_page, where, rate.text, show(right.mid, rate.places, percent=True), why, check="完成率"))
    if right is not None:
        capped = Span(min(right.lo, HUNDRED), min(right.hi, HUNDRED)).scale(form.weight.value / HUNDRED)
        if not reaches(score, capped):
            why = f"得分应为 {form.weight.text} 分 × 执行率（执行率超过 100% 按 100% 计）"
            out.append(Finding(form.execution_page, where, score.text, show_as(capped.mid, score), why, check="得分"))
    return out


def _weights(form: Form) -> list[Finding]:
    out = []
    for g in form.groups:
        got = sum(g.scores, ZERO)
        if got > g.weight.value:
            why = f"所列指标得分之和 {got.normalize():f} 超过其分值 {g.weight.text}"
            out.append(Finding(g.page, f"{form.name}：{g.title}", f"{g.title}（{g.weight.text}分）", "", why, check="分值"))
    if form.goals_weight is not None and form.groups:
        total = sum((g.weight.value for g in form.groups), ZERO)
        if total != form.goals_weight.value:
            why = f"各项分值之和为 {total.normalize():f}（{'、'.join(g.weight.text for g in form.groups)}）"
            printed = f"年度绩效目标（{form.goals_weight.text}分）"
            out.append(Finding(form.groups[0].page, f"{form.name}：年度绩效目标", printed, f"{total.normalize():f}分", why, check="分值"))
    return out


def _total(form: Form) -> list[Finding]:
    if form.total is None or len(form.execution) < 4 or not form.groups:
        return []
    if any(sum(g.scores, ZERO) > g.weight.value for g in form.groups):
        return []
    score = form.execution[3]
    right = score.span + Span.exact(sum((sum(g.scores, ZERO) for g in form.groups), ZERO))
    if reaches(form.total, right):
        return []
    why = f"总分应为预算执行得分 {score.text} 与各指标得分之和"
    return [Finding(form.total_page, f"{form.name}：总分", form.total.text, show_as(right.mid, form.total), why, check="得分")]


def form_findings(raw: list[RawTable]) -> list[Finding]:
    out: list[Finding] = []
    for form in forms(raw):
        out += _execution(form) + _weights(form) + _total(form)
    return out
