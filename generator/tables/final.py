"""The standard final-account tables (公开01表–公开09表) with 行次/栏次 and their formula lines."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ..compute.final import Evaluation, FinalFigures
from ..model.final import FinalReport
from ..model.performance import ScoredIndicator
from ..zh.numbers import fmt_amount, fmt_pct, fmt_points
from ..zh.ordinals import number
from ..zh.text import tidy
from .common import Namer, empty_row, total_row, tree_rows
from .grid import Cell, Grid, Money, head, label, num

INCOME = ("一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "国有资本经营预算财政拨款收入", "上级补助收入",
          "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
FUNDS = ("一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款")
INCOME_COLUMNS = ("本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入")
SPENDING_COLUMNS = ("本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出")
THREE_PUBLIC = ("total", "outbound", "vehicle", "vehicle_purchase", "vehicle_operation", "reception")
# 公开06表: the fixed 款 of each economic 类 of basic expenditure (domain §B.2), in three blocks
BASIC_DETAIL = (
    {"301": ["30101", "30102", "30103", "30106", "30107", "30108", "30109", "30110", "30111", "30112", "30113", "30114", "30199"],
     "303": ["30301", "30302", "30303", "30304", "30305", "30306", "30307", "30308", "30309", "30310", "30311", "30399"]},
    {"302": ["30201", "30202", "30203", "30204", "30205", "30206", "30207", "30208", "30209", "30211", "30212", "30213", "30214",
             "30215", "30216", "30217", "30218", "30224", "30225", "30226", "30227", "30228", "30229", "30231", "30239", "30240", "30299"]},
    {"307": ["30701", "30703"], "310": ["31002", "31003", "31007", "31013", "31019", "31021", "31022", "31099"],
     "312": ["31204", "31299"], "399": ["39908"]},
)


def series(first: int, last: int, sign: str = "+") -> str:
    """1+2+3 / 31+32+…+56: the row or column numbers a formula adds up."""
    if last - first < 8:
        return sign.join(str(i) for i in range(first, last + 1))
    return f"{first}{sign}{first + 1}{sign}…{sign}{last}"


def columns_row(lead: int, count: int, first: int = 1) -> list[Cell]:
    """The 栏次 header row: "栏次" over the ``lead`` label columns, then the column numbers."""
    return [Cell("栏次", colspan=lead)] + [Cell(str(first + i)) for i in range(count)]


class FinalTables:
    """Builds each final-account table from the figures; options come from the profile."""

    def __init__(self, report: FinalReport, fig: FinalFigures, money: Money, options: dict[str, dict[str, Any]], classes: list[str]) -> None:
        self.report = report
        self.fig = fig
        self.money = money
        self.options = options
        self.namer = Namer.of(report)
        self.classes = classes or [n.code for n in fig.functions]

    def money_for(self, table: str) -> Money:
        return self.money.with_options(self.options.get(table, {}))

    def class_rows(self, first: int, style: str = "cn_dun") -> list[tuple[str, str, Decimal]]:
        """(label, 行次, amount) of every listed function 类, numbered 一、二、…"""
        return [(f"{number(style, i + 1)}{self.namer(c)}", str(first + i), self.fig.class_total(c)) for i, c in enumerate(self.classes)]

    def layout(self, sources: tuple[str, ...], feet: int) -> tuple[int, int]:
        """(rows of sources/classes, first 行次 of the classes) of a two-sided 总表 with ``feet`` total rows."""
        height = max(len(self.classes), len(sources))
        return height, height + feet + 1

    def formulas(self) -> dict[str, str]:
        """The 勾稽 formula printed under each table, from its row and column numbers."""
        n, k = len(self.classes), len(INCOME)
        a, r0 = self.layout(INCOME, 4)
        b, s0 = self.layout(FUNDS, 6)
        a, b = a + 1, b + 1
        return {
            "summary": f"{a}行=（{series(1, k)}）行；{a + 3}行=（{series(a, a + 2)}）行；{r0 + n}行=（{series(r0, r0 + n - 1)}）行；{r0 + n + 3}行=（{series(r0 + n, r0 + n + 2)}）行。",
            "income": f"1栏各行=（{series(2, len(INCOME_COLUMNS))}）栏各行。",
            "expenditure": f"1栏各行=（{series(2, len(SPENDING_COLUMNS))}）栏各行。",
            "appropriation": f"{b}行=（{series(1, 3)}）行；{b + 1}行=（{series(b + 2, b + 4)}）行；{b + 5}行=（{b}+{b + 1}）行；"
                             f"{s0 + n}行=（{series(s0, s0 + n - 1)}）行；{s0 + n + 5}行=（{s0 + n}+{s0 + n + 1}）行。",
            "general": "1栏各行=（2+3）栏各行。",
            "gov_fund": "6栏各行=（1+2-3）栏各行；3栏各行=（4+5）栏各行。",
            "state_capital": "1栏各行=（2+3）栏各行。",
            "three_public": "1栏=（2+3+6）栏；3栏=（4+5）栏；7栏=（8+9+12）栏；9栏=（10+11）栏。",
        }

    # 公开01表 收入支出决算总表 ---------------------------------------------------------
    def summary(self) -> list[Grid]:
        m, fig = self.money_for("summary"), self.fig
        height, first = self.layout(INCOME, 4)
        right = self.class_rows(first)
        rows = []
        for i in range(height):
            left = f"{number('cn_dun', i + 1)}{INCOME[i]}" if i < len(INCOME) else ""
            rt, rn, rv = right[i] if i < len(right) else ("", "", None)
            rows.append([label(left), Cell(str(i + 1)), num(m(fig.total if i == 0 else None)), label(rt), Cell(rn), num(m(rv))])
        feet = [("本年收入合计", fig.total, "本年支出合计", fig.total), ("使用非财政拨款结余", None, "结余分配", None),
                ("年初结转和结余", None, "年末结转和结余", None), ("总计", fig.total, "总计", fig.total)]
        for j, (lt, lv, rt, rv) in enumerate(feet):
            strong = lv is not None
            rows.append([label(lt, strong=strong), Cell(str(height + 1 + j)), num(m(lv)), label(rt, strong=strong), Cell(str(first + len(right) + j)), num(m(rv))])
        header = [head(Cell("收入", colspan=3), Cell("支出", colspan=3)), head("项目", "行次", "决算数", "项目", "行次", "决算数"),
                  head(Cell("栏次"), Cell(""), Cell("1"), Cell("栏次"), Cell(""), Cell("2"))]
        return [Grid(header, rows, cols=[33, 6, 11, 33, 6, 11], cls="summary")]

    # 公开02表 收入决算表 / 公开03表 支出决算表 / 公开05表 一般公共预算财政拨款支出决算表 ------------------
    def _tree_table(self, table: str, heads: tuple[str, ...], keys: list[str], group: str | None = None) -> list[Grid]:
        m, fig = self.money_for(table), self.fig
        totals = {"total": fig.total, "basic": fig.basic, "project": fig.project}
        rows = [total_row("合计", [totals.get(k) for k in keys] + [None] * (len(heads) - len(keys)), m)]
        rows += [cells + [num("")] * (len(heads) - len(keys)) for cells in tree_rows(fig.functions, self.namer, keys, m)]
        if group:
            header = [head(Cell("项目", colspan=2), Cell(group, colspan=len(heads))),
                      head(Cell("功能分类科目编码"), Cell("科目名称", rowspan=2), *[Cell(h, rowspan=2) for h in heads])]
        else:
            header = [head(Cell("项目", colspan=2), *[Cell(h, rowspan=3) for h in heads]),
                      head(Cell("功能分类科目编码"), Cell("科目名称", rowspan=2))]
        header += [head(Cell("类 款 项")), columns_row(2, len(heads))]
        return [Grid(header, rows, cols=[11, 33] + [max(7, 56 // len(heads))] * len(heads), cls="tree wide")]

    def income(self) -> list[Grid]:
        return self._tree_table("income", INCOME_COLUMNS, ["total", "total"])

    def expenditure(self) -> list[Grid]:
        return self._tree_table("expenditure", SPENDING_COLUMNS, ["total", "basic", "project"])

    def general(self) -> list[Grid]:
        return self._tree_table("general", ("小计", "基本支出", "项目支出"), ["total", "basic", "project"], group="本年支出")

    # 公开04表 财政拨款收入支出决算总表 -------------------------------------------------------
    def appropriation(self) -> list[Grid]:
        m, fig = self.money_for("appropriation"), self.fig
        height, first = self.layout(FUNDS, 6)
        right = self.class_rows(first)
        rows = []
        for i in range(height):
            left = f"{number('cn_dun', i + 1)}{FUNDS[i]}" if i < len(FUNDS) else ""
            rt, rn, rv = right[i] if i < len(right) else ("", "", None)
            rows.append([label(left), Cell(str(i + 1)), num(m(fig.total if i == 0 else None)), label(rt), Cell(rn), num(m(rv)), num(m(rv)), num(""), num("")])
        feet: list[tuple[str, Decimal | None, str, Decimal | None]] = [("本年收入合计", fig.total, "本年支出合计", fig.total),
                                                                       ("年初财政拨款结转和结余", None, "年末财政拨款结转和结余", None)]
        feet += [(f, None, f, None) for f in FUNDS]
        feet.append(("总计", fig.total, "总计", fig.total))
        for j, (lt, lv, rt, rv) in enumerate(feet):
            strong = lv is not None
            indent = 1 if 2 <= j <= 4 else 0
            rows.append([label(lt, indent, strong), Cell(str(height + 1 + j)), num(m(lv)), label(rt, indent, strong),
                         Cell(str(first + len(right) + j)), num(m(rv)), num(m(rv)), num(""), num("")])
        header = [head(Cell("收入", colspan=3), Cell("支出", colspan=6)),
                  head(Cell("项目", rowspan=2), Cell("行次", rowspan=2), Cell("决算数", rowspan=2), Cell("项目", rowspan=2), Cell("行次", rowspan=2), Cell("决算数", colspan=4)),
                  head("小计", *FUNDS),
                  head(Cell("栏次"), Cell(""), Cell("1"), Cell("栏次"), Cell(""), Cell("2"), Cell("3"), Cell("4"), Cell("5"))]
        return [Grid(header, rows, cols=[22, 4, 9, 22, 4, 9, 10, 10, 10], cls="summary wide")]

    # 公开06表 一般公共预算财政拨款基本支出决算明细表 -----------------------------------------------
    def _detail_block(self, classes: dict[str, list[str]], m: Money) -> list[list[Cell]]:
        amounts = self.fig.econ_amounts
        rows = []
        for cls, fixed in classes.items():
            rows.append([Cell(cls, cls="code"), label(self.namer(cls), strong=True), num(m(amounts.get(cls, Decimal(0))))])
            extra = [c for c in amounts if c[:3] == cls and len(c) == 5 and c not in fixed]
            for code in sorted(fixed + extra):
                rows.append([Cell(code, cls="code"), label(self.namer(code), 1), num(m(amounts.get(code)))])
        return rows

    def basic(self) -> list[Grid]:
        m = self.money_for("basic")
        blocks = [self._detail_block(b, m) for b in BASIC_DETAIL]
        height = max(len(b) for b in blocks)
        blank = [Cell(""), Cell(""), num("")]
        rows = [sum((b[i] if i < len(b) else blank for b in blocks), []) for i in range(height)]
        rows.append([Cell("人员经费合计", colspan=2, cls="name total"), num(m(self.fig.personnel)),
                     Cell("公用经费合计", colspan=5, cls="name total"), num(m(self.fig.public))])
        trio = ("经济分类科目编码", "科目名称", "决算数")
        header = [head(Cell("人员经费", colspan=3), Cell("公用经费", colspan=6)), head(*trio, *trio, *trio)]
        return [Grid(header, rows, cols=[7, 19, 7, 7, 19, 7, 7, 20, 7], cls="detail wide")]

    # 公开07表 / 公开08表: kept (empty) with their notes -----------------------------------------------
    def gov_fund(self) -> list[Grid]:
        heads = ("年初结转和结余", "本年收入", "小计", "基本支出", "项目支出", "年末结转和结余")
        header = [head(Cell("项目", colspan=2), Cell(heads[0], rowspan=3), Cell(heads[1], rowspan=3), Cell("本年支出", colspan=3), Cell(heads[5], rowspan=3)),
                  head(Cell("功能分类科目编码"), Cell("科目名称", rowspan=2), Cell(heads[2], rowspan=2), Cell(heads[3], rowspan=2), Cell(heads[4], rowspan=2)),
                  head(Cell("类 款 项")), columns_row(2, 6)]
        return [Grid(header, [total_row("合计", [None] * 6, self.money), empty_row(8)], cols=[11, 29] + [10] * 6, cls="tree wide")]

    def state_capital(self) -> list[Grid]:
        header = [head(Cell("项目", colspan=2), Cell("本年支出", colspan=3)),
                  head(Cell("功能分类科目编码"), Cell("科目名称", rowspan=2), Cell("合计", rowspan=2), Cell("基本支出", rowspan=2), Cell("项目支出", rowspan=2)),
                  head(Cell("类 款 项")), columns_row(2, 3)]
        return [Grid(header, [total_row("合计", [None] * 3, self.money), empty_row(5)], cols=[14, 38, 16, 16, 16], cls="tree wide")]

    # 公开09表 财政拨款“三公”经费支出决算表 -----------------------------------------------------------
    def three_public(self) -> list[Grid]:
        m, tp = self.money_for("three_public"), self.fig.three_public
        half = [Cell("合计", rowspan=2), Cell("因公出国（境）费", rowspan=2), Cell("公务用车购置及运行费", colspan=3), Cell("公务接待费", rowspan=2)]
        header = [head(Cell("预算数", colspan=6), Cell("决算数", colspan=6)), head(*half, *half),
                  head("小计", "公务用车购置费", "公务用车运行费", "小计", "公务用车购置费", "公务用车运行费"),
                  head(*[str(i + 1) for i in range(12)])]
        row = [num(m(getattr(tp.budget, k))) for k in THREE_PUBLIC] + [num(m(getattr(tp.actual, k))) for k in THREE_PUBLIC]
        return [Grid(header, [row], cols=[1] * 12, cls="wide")]


# 附件: self-evaluation forms (整体/项目绩效自评表) and the 重点工作 table --------------------------------
CHOICES = {
    "category": ["部门预算项目", "区级专项", "专项转移支付项目"],
    "attribute": ["持续性项目", "新增性项目"],
    "kind": ["常年性项目", "延续性项目", "一次性项目"],
}
SCORE_HEAD = ("年初目标值（A）", "实际完成值（B）", "得分")


def choices(options: list[str], chosen: str) -> str:
    """1、部门预算项目□ 2、区级专项■ …: the form's tick boxes with the chosen one filled."""
    listed = options if chosen in options else options + [chosen]
    return " ".join(f"{number('arabic_dun', i + 1)}{o}{'■' if o == chosen else '□'}" for i, o in enumerate(listed))


def execution_rows(evaluation: Evaluation, whole_label: str) -> list[list[Cell]]:
    e, w = evaluation.execution, fmt_points(evaluation.weight)
    return [[Cell(f"预算执行情况（万元）（{w}分）", rowspan=2, cls="name"), Cell(whole_label, rowspan=2), Cell("预算数（A）"), Cell("执行数（B）"),
             Cell("执行率（B/A）"), Cell(f"得分（{w}分*执行率）", colspan=2)],
            [num(fmt_amount(e.budget)), num(fmt_amount(e.actual)), num(fmt_pct(e.rate)), Cell(fmt_points(evaluation.execution_score), colspan=2, cls="num")]]


def closing_rows(evaluation: Evaluation, deviation: str, improvement: str) -> list[list[Cell]]:
    return [[label("总分"), Cell(fmt_points(evaluation.total), colspan=6)],
            [label("偏差大或目标未完成原因分析"), Cell(deviation, colspan=6, cls="text")],
            [label("改进措施及结果应用方案"), Cell(improvement, colspan=6, cls="text")]]


def indicator_cells(ind: ScoredIndicator, with_level1: bool = True) -> list[Cell]:
    cells = [Cell(ind.level1)] if with_level1 else []
    return cells + [Cell(ind.level2), Cell(ind.level3, cls="text"), Cell(ind.target, cls="text"), Cell(ind.actual, cls="text"), num(fmt_points(ind.score))]


def whole_evaluation_grids(report: FinalReport, fig: FinalFigures) -> list[Grid]:
    """整体绩效自评表: execution of the whole department's budget, then each yearly goal with its indicators."""
    form, evaluation = report.whole_evaluation, fig.whole
    if form is None or evaluation is None:
        return []
    rows = [[label("单位名称"), Cell(report.department.name, colspan=6)],
            [label("基本支出总额"), Cell(fmt_amount(fig.basic), colspan=2, cls="num"), Cell("项目支出总额", colspan=2, cls="name"),
             Cell(fmt_amount(fig.project), colspan=2, cls="num")]]
    rows += execution_rows(evaluation, "部门整体支出总额")
    for i, goal in enumerate(evaluation.groups):
        rows.append([label(f"年度绩效目标{i + 1}（{fmt_points(goal.weight)}分）"), Cell(goal.title, colspan=6, cls="text")])
        rows.append([Cell("年度绩效指标", rowspan=len(goal.indicators) + 1, cls="name"), *head("一级指标", "二级指标", "三级指标", *SCORE_HEAD)])
        rows += [indicator_cells(ind) for ind in goal.indicators]
    rows += closing_rows(evaluation, form.deviation, form.improvement)
    return [Grid([], rows, cols=[13, 10, 11, 14, 22, 22, 8], cls="form")]


def project_evaluation_grids(report: FinalReport, fig: FinalFigures, options: dict[str, Any]) -> list[Grid]:
    """项目绩效自评表, one per evaluated project: execution (weight × 执行率) and the weighted indicator groups."""
    grids = []
    for p, evaluation in zip(report.project_evaluations, fig.projects):
        rows = [[label("项目名称"), Cell(p.name, colspan=6)],
                [label("主管部门"), Cell(p.manager, colspan=2), Cell("项目实施单位", colspan=2, cls="name"), Cell(p.executor, colspan=2)]]
        for key, title in (("category", "项目类别"), ("attribute", "项目属性"), ("kind", "项目类型")):
            rows.append([label(title), Cell(choices(list(options.get(key, CHOICES[key])), getattr(p, key)), colspan=6, cls="text")])
        rows += execution_rows(evaluation, "年度财政资金总额")
        count = sum(len(g.indicators) for g in evaluation.groups)
        rows.append([Cell(f"年度绩效目标（{fmt_points(evaluation.goals_weight)}分）", rowspan=count + 1, cls="name"),
                     *head("一级指标", "二级指标", "具体指标名称", *SCORE_HEAD)])
        for group in evaluation.groups:
            for j, ind in enumerate(group.indicators):
                lead = [Cell(f"{group.title}（{fmt_points(group.weight)}分）", rowspan=len(group.indicators))] if j == 0 else []
                rows.append(lead + indicator_cells(ind, with_level1=False))
        rows += closing_rows(evaluation, p.deviation, p.improvement)
        notes = ["备注：", *p.notes] if p.notes else []
        grids.append(Grid([], rows, notes=notes, cols=[13, 12, 13, 16, 18, 18, 10], cls="form"))
    return grids


def key_work_grids(report: FinalReport) -> list[Grid]:
    """重点工作完成情况表: 序号, 重要事项 (texts.key_work_names, “|”-separated; else the title), 工作内容及目标, 完成情况."""
    names = [n.strip() for n in report.texts.get("key_work_names", "").split("|") if n.strip()]
    rows = [[Cell(str(i + 1)), Cell(names[i] if i < len(names) else k.title), Cell(tidy(k.table_content), cls="text"), Cell(k.status)]
            for i, k in enumerate(report.key_work)]
    return [Grid([head("序号", "重要事项", "工作内容及目标", "完成情况")], rows, cols=[7, 15, 64, 14], cls="form")] if rows else []
