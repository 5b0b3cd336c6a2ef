"""Performance forms (绩效目标表, 项目申报表, 自评表) and free annex tables as grids."""

from __future__ import annotations

from decimal import Decimal

from generator.model.performance import GoalTable, Indicator, Project, WholeForm
from generator.model.texts import Cell as DataCell
from generator.model.texts import FreeTable
from generator.zh.numbers import fmt_amount
from generator.zh.ordinals import number
from generator.present.tables.grid import FORM_MONEY, Cell, Grid, amount_cell, head, label, num


def _amount(value: Decimal | None) -> str:
    return fmt_amount(value)


def stage_target_grids(projects: list[Project], amounts: list[Decimal], year: int, unit: str) -> list[Grid]:
    """项目绩效目标申报表 (表 1-2): one grid per project with its four stage rows (``amounts``: each project's, computed)."""
    grids = []
    for project, amount in zip(projects, amounts):
        if not project.stage_targets:
            continue
        rows = [
            [Cell(f"{number('zero_pad', i + 1)} {t.stage}", cls="name"), Cell(t.overall, cls="text"), Cell(t.annual, cls="text")]
            for i, t in enumerate(project.stage_targets)
        ]
        grids.append(
            Grid(
                [head("目标", "总目标", "年阶段目标")],
                rows,
                title="项目绩效目标申报表",
                captions=(f"单位名称：{project.unit_label or unit}　项目名称：{project.name}", "表 1-2"),
                subtitle=f"项目{year}年本级财拨预算金额：{_amount(amount)}（万元）",
                cols=[18, 41, 41],
                cls="form",
            )
        )
    return grids


def _indicator_rows(indicators: list[Indicator], annual: bool) -> list[list[Cell]]:
    rows = []
    for ind in indicators:
        cells = [Cell(ind.name, cls="text"), Cell(ind.level1), Cell(ind.level2), Cell(ind.level3, cls="text")]
        if annual:
            values = list(ind.values) + [""] * (3 - len(ind.values))
            cells += [Cell(v) for v in values[:3]]
        else:
            cells.append(Cell(ind.value))
        cells.append(Cell(ind.basis, cls="text"))
        rows.append(cells)
    return rows


def _indicator_header(annual: bool, first: str = "目标名称") -> list[list[Cell]]:
    if annual:
        return [
            head(
                Cell(first, rowspan=2),
                Cell("一级指标", rowspan=2),
                Cell("二级指标", rowspan=2),
                Cell("三级指标", rowspan=2),
                Cell("指标值", colspan=3),
                Cell("指标值确定依据", rowspan=2),
            ),
            head("前年", "上年", "预计当年实现"),
        ]
    return [head(first, "一级指标", "二级指标", "三级指标", "指标值", "指标值确定依据")]


def project_form_grids(projects: list[Project], amounts: list[Decimal]) -> list[Grid]:
    """部门项目申报表(含绩效目标), one set of grids per project with a form (``amounts``: each project's, computed)."""
    grids: list[Grid] = []
    for project, amount in zip(projects, amounts):
        form = project.form
        if form is None:
            continue
        total = form.total_budget if form.total_budget is not None else amount
        info = [
            [label("项目名称"), Cell(project.form_name or project.name), label("项目编码"), Cell(form.code)],
            [label("项目主管部门"), Cell(form.manager), label("项目执行单位"), Cell(form.executor)],
            [label("项目负责人"), Cell(form.leader), label("联系电话"), Cell(form.phone)],
            [label("单位地址"), Cell(form.address), label("邮政编码"), Cell(form.postcode)],
            [label("项目属性"), Cell(form.attribute, colspan=3)],
            [label("支出项目类别"), Cell(form.category, colspan=3)],
            [label("起始年度"), Cell(str(form.start_year)), label("终止年度"), Cell(str(form.end_year))],
            [label("项目立项依据"), Cell(form.basis, colspan=3, cls="text")],
            [label("项目实施方案"), Cell(form.plan, colspan=3, cls="text")],
            [label("项目总预算"), amount_cell(total), label("项目当年预算"), amount_cell(amount)],
            [label("项目前两年预算及当年预算变动情况"), Cell(form.change_note, colspan=3, cls="text")],
            [Cell("项目资金来源", rowspan=4, cls="name"), label("来源项目"), Cell("金额", colspan=2)],
            [label("合计"), amount_cell(amount), Cell("")],
            [label("1. 一般公共预算财政拨款收入"), amount_cell(amount), Cell("")],
            [label("其中：申请当年预算拨款", 1), amount_cell(amount), Cell("")],
        ]
        grids.append(
            Grid(
                [],
                info,
                title=f"{form.attachment_label + '　' if form.attachment_label else ''}部门项目申报表(含绩效目标)",
                captions=(f"申报日期：{form.declared_on}", "单位：万元"),
                cols=[22, 30, 18, 30],
                cls="form",
            )
        )
        details = [
            [Cell(d.activity), Cell(d.content, cls="text"), Cell(d.economic), amount_cell(d.amount), Cell(d.basis, cls="text"), Cell(d.note)]
            for d in project.details
        ]
        grids.append(
            Grid(
                [head("项目活动", "活动内容表述", "支出经济分类", "金额", "测算依据及说明", "备注")],
                details,
                subtitle="项目支出明细测算",
                cols=[10, 30, 14, 10, 28, 8],
                cls="form",
            )
        )
        purchases = [[Cell(p.item), Cell(p.quantity), amount_cell(p.amount)] for p in form.purchases] or [[Cell("无", colspan=3)]]
        grids.append(Grid([head("品名", "数量", "金额")], purchases, subtitle="项目采购", cols=[50, 25, 25], cls="form"))
        grids.append(
            Grid([head("名称", "目标说明")], [[Cell(form.goal_name), Cell(form.goal, cls="text")]], subtitle="项目绩效总目标", cols=[25, 75], cls="form")
        )
        if form.long_term:
            grids.append(
                Grid(_indicator_header(False), _indicator_rows(form.long_term, False), subtitle="长期绩效目标表", cols=[20, 10, 12, 20, 10, 18], cls="form")
            )
        if form.annual:
            grids.append(
                Grid(_indicator_header(True), _indicator_rows(form.annual, True), subtitle="年度绩效目标表", cols=[18, 9, 11, 18, 8, 8, 9, 15], cls="form")
            )
    return grids


def _goal_table(table: GoalTable, annual: bool) -> Grid:
    header = _indicator_header(annual, table.name or "指标")
    return Grid(
        header,
        _indicator_rows(table.indicators, annual),
        subtitle=f"{table.label}：{table.goal}",
        cols=[20, 9, 11, 16, 8, 8, 9, 15] if annual else [22, 10, 12, 18, 12, 22],
        cls="form",
    )


def whole_form_grids(form: WholeForm, department: str, year: int, parts: list[tuple[str, Decimal]]) -> list[Grid]:
    """部门整体支出绩效目标申报表; ``parts`` are the spending categories with their amounts."""
    total = sum((amount for _, amount in parts), Decimal(0))
    years = [p.label for p in form.prior_years]
    blank = [num("") for _ in years]
    rows = [
        [label("部门(单位) 名称"), Cell(department, colspan=4 + len(years))],
        [label("填报人"), Cell(form.filler), label("联系电话"), Cell(form.phone, colspan=2 + len(years))],
        [label("部门总体资金情况"), label("总体资金情况"), label(""), label("当年金额"), label("占比")] + [label(y) for y in years],
        [label(""), label("收入构成"), label("财政拨款"), amount_cell(total), num(FORM_MONEY.share(total, total))] + blank,
        [label(""), label(""), label("合计"), amount_cell(total), num(FORM_MONEY.share(total, total))] + blank,
    ]
    for i, (name, amount) in enumerate(parts):
        last = i == len(parts) - 1
        rows.append(
            [label(""), label("支出构成" if i == 0 else ""), label(name), amount_cell(amount), num(FORM_MONEY.share(amount, total))]
            + ([amount_cell(p.amount) for p in form.prior_years] if last else blank)
        )
    rows.append([label(""), label(""), label("合计"), amount_cell(total), num(FORM_MONEY.share(total, total))] + blank)
    width = 5 + len(years)
    rows = [r + [Cell("")] * (width - sum(c.colspan for c in r)) for r in rows]
    for i, duty in enumerate(form.duties):
        rows.append([label("部门职能概述" if i == 0 else ""), Cell(f"{i + 1}. {duty}", colspan=width - 1, cls="text")])
    for i, task in enumerate(form.tasks):
        rows.append([label("年度工作任务" if i == 0 else ""), Cell(f"{i + 1}. {task}", colspan=width - 1, cls="text")])
    grids = [
        Grid(
            [],
            rows,
            title=f"{year}年部门整体支出绩效目标申报表",
            captions=(f"填报日期：{form.filled_on}", "单位：万元"),
            cols=[14, 14, 18, 12, 10] + [12] * len(years),
            cls="form",
        )
    ]
    project = parts[-1][1] if parts else Decimal(0)
    lines = [
        [
            Cell(p.name, cls="text"),
            Cell(p.category),
            amount_cell(p.total if p.total is not None else project),
            amount_cell(p.current if p.current is not None else project),
            Cell(p.use, cls="text"),
        ]
        for p in form.project_lines
    ]
    grids.append(Grid([head("项目名称", "支出项目类别", "项目总预算", "项目本年度预算", "项目主要支出方向和用途")], lines, subtitle="项目支出情况", cls="form"))
    goals = [[Cell(f"目标 {i + 1}：{g.long}", cls="text"), Cell(f"目标 {i + 1}：{g.annual}", cls="text")] for i, g in enumerate(form.goals)]
    grids.append(Grid([head("长期目标(截止年)", "年度目标")], goals, subtitle="整体绩效总目标", cols=[60, 40], cls="form"))
    grids += [_goal_table(t, False) for t in form.long_tables]
    grids += [_goal_table(t, True) for t in form.annual_tables]
    if form.notes:
        grids[-1] = Grid(
            grids[-1].header,
            grids[-1].rows,
            title=grids[-1].title,
            captions=grids[-1].captions,
            notes=list(form.notes),
            cols=grids[-1].cols,
            cls=grids[-1].cls,
            subtitle=grids[-1].subtitle,
        )
    return grids


def _cell(raw: str | DataCell) -> Cell:
    if isinstance(raw, str):
        return Cell(raw, cls="text")
    return Cell(raw.text, colspan=raw.colspan, rowspan=raw.rowspan, cls="text")


def free_grid(table: FreeTable) -> Grid:
    """A table written by people in an annex, printed as given."""
    return Grid(
        [[_cell(c) for c in row] for row in table.header],
        [[_cell(c) for c in row] for row in table.rows],
        title=table.title or "",
        captions=(table.captions[0] if table.captions else "", table.captions[1] if len(table.captions) > 1 else ""),
        notes=list(table.notes),
        cls="form",
    )
