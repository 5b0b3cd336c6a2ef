"""The standard budget tables (部门预算公开表)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.compute.budget import BudgetFigures
from generator.compute.tree import column_total
from generator.model.budget import BudgetReport
from generator.zh.ordinals import number
from generator.present.tables.common import Namer, empty_row, total_row, tree_rows
from generator.present.tables.grid import Cell, Grid, Money, head, label, num

INCOME_SOURCES = (
    "一般公共预算财政拨款收入", "政府性基金预算财政拨款收入", "事业收入", "上级补助收入",
    "附属单位上缴收入", "事业单位经营收入", "其他收入",
)


class BudgetTables:
    """Builds each budget table from the figures; options come from the profile."""

    def __init__(self, report: BudgetReport, fig: BudgetFigures, money: Money, options: dict[str, dict[str, Any]], summary_classes: list[str]) -> None:
        self.report = report
        self.fig = fig
        self.money = money
        self.options = options
        self.namer = Namer.of(report)
        self.classes = summary_classes or [n.code for n in fig.functions]

    def opt(self, table: str, key: str, default: Any) -> Any:
        return self.options.get(table, {}).get(key, default)

    def money_for(self, table: str) -> Money:
        return self.money.with_options(self.options.get(table, {}))

    def class_amount(self, code: str, column: str = "total", roots=None) -> Decimal:  # type: ignore[no-untyped-def]
        for n in roots if roots is not None else self.fig.functions:
            if n.code == code:
                return n.values[column] or Decimal(0)
        return Decimal(0)

    # 收支总表 ------------------------------------------------------------------
    def summary_econ(self) -> list[Grid]:
        """收入 | 支出（功能） | 支出（经济分类）, as in the 公开表1 of Wuhan district budgets."""
        m = self.money_for("summary_econ")
        fig = self.fig
        income = [(f"{number('cn_dun', i + 1)}{name}", fig.total if i == 0 else fig.gov_fund_total if i == 1 else None)
                  for i, name in enumerate(self.opt("summary_econ", "income", list(INCOME_SOURCES)))]
        functions = [(f"{c}{self.namer(c)}", self.class_amount(c) + self.class_amount(c, roots=fig.gov_fund)) for c in self.classes]
        econ_codes = self.opt("summary_econ", "econ_classes", ["301", "302", "303", "307", "309", "310", "311", "312", "313", "399"])
        econ = [(self.opt("summary_econ", "econ_head", "支出（部门预算经济分类）"), None)]
        econ += [(f"{c}{self.namer(c)}", fig.econ_all.get(c)) for c in econ_codes]
        height = max(len(income), len(functions), len(econ))
        rows = []
        for i in range(height):
            row = []
            for column in (income, functions, econ):
                text, value = column[i] if i < len(column) else ("", None)
                row += [label(text), m.cell(value)]
            rows.append(row)
        total = fig.grand_total
        rows.append([label("本年收入合计", strong=True), m.cell(total), label("本年支出合计", strong=True), m.cell(total), label("本年支出合计", strong=True), m.cell(total)])
        for left, mid in self.opt("summary_econ", "footer", [["八、用事业基金弥补收支差额", ""], ["九、上年结转", "结转下年"]]):
            rows.append([label(left), num(""), label(mid), num(""), label(mid), num("")])
        rows.append([label("收入总计", strong=True), m.cell(total), label("支出总计", strong=True), m.cell(total), label("支出总计", strong=True), m.cell(total)])
        header = [head(Cell("收入", colspan=2), Cell("支出（功能）", colspan=2), Cell("支出（经济分类）", colspan=2)),
                  head("项目", "预算数", "项目", "预算数", "项目", "预算数")]
        return [Grid(header, rows, cols=[22, 9, 22, 9, 22, 9], cls="summary")]

    def summary(self) -> list[Grid]:
        """收入 | 支出 with the function classes numbered 一、二、…, as in 附表4-1."""
        m = self.money_for("summary")
        fig = self.fig
        sources = self.opt("summary", "income", ["一般公共预算拨款收入", "政府性基金预算拨款收入", "国有资本经营预算拨款收入", "财政专户管理资金收入", "事业收入", "事业单位经营收入", "上级补助收入", "附属单位上缴收入", "其他收入"])
        values = {0: fig.total, 1: fig.gov_fund_total}
        income = [(f"{number('cn_dun', i + 1)}{s}", values.get(i, Decimal(0))) for i, s in enumerate(sources)]
        style = self.opt("summary", "class_style", "cn_nian_dun")
        spend = [(f"{number(style, i + 1)}{self.namer(c)}", self.class_amount(c) + self.class_amount(c, roots=fig.gov_fund)) for i, c in enumerate(self.classes)]
        rows = []
        for i in range(max(len(income), len(spend))):
            row = []
            for column in (income, spend):
                text, value = column[i] if i < len(column) else ("", None)
                row += [label(text), m.cell(value) if text else num("")]
            rows.append(row)
        total = fig.grand_total
        zero = Decimal(0)
        rows.append([label("本年收入合计", strong=True), m.cell(total), label("本年支出合计", strong=True), m.cell(total)])
        rows.append([label("上年结转结余"), m.cell(zero), label("年终结转结余"), m.cell(zero)])
        rows.append([label("收 入 总 计", strong=True), m.cell(total), label("支 出 总 计", strong=True), m.cell(total)])
        header = [head(Cell("收 入", colspan=2), Cell("支 出", colspan=2)), head("项 目", "预算数", "项 目", "预算数")]
        return [Grid(header, rows, cols=[30, 12, 30, 12], cls="summary")]

    # 收入总表 / 支出总表 -------------------------------------------------------
    def income(self) -> list[Grid]:
        m = self.money_for("income")
        cols = self.opt("income", "columns", ["总计", *INCOME_SOURCES[:2], "事业收入", "上级补助收入", "事业单位经营收入", "其他收入", "用事业基金弥补收支差额", "上年结转、结余"])
        # every row is funded by 一般公共预算 appropriations (and government funds)
        roots = self.fig.functions
        rows = [total_row("合计", [self.fig.grand_total, self.fig.total, self.fig.gov_fund_total] + [None] * (len(cols) - 3), m)]
        for cells in tree_rows(roots, self.namer, ["total", "total"], m):
            rows.append(cells + [num("")] * (len(cols) - 2))
        header = [head(self.opt("income", "code_head", "功能科目编码"), self.opt("income", "name_head", "功能科目名称"), *cols)]
        return [Grid(header, rows, cols=[10, 24] + [7] * len(cols), cls="tree wide")]

    def expenditure(self) -> list[Grid]:
        m = self.money_for("expenditure")
        spec = self.opt("expenditure", "columns", [["总计", "total"], ["基本支出", "basic"], ["项目支出", "project"], ["上缴上级支出", ""], ["对附属单位补助支出", ""], ["事业单位经营支出", ""], ["结转下年", ""]])
        keys = [k or "none" for _, k in spec]
        fig = self.fig
        totals = {"total": fig.total, "basic": fig.basic, "project": fig.project}
        rows = [total_row("合计", [totals.get(k) for k in keys], m)]
        rows += tree_rows(fig.functions, self.namer, keys, m)
        header = [head(self.opt("expenditure", "code_head", "功能科目编码"), self.opt("expenditure", "name_head", "功能科目名称"), *[t for t, _ in spec])]
        return [Grid(header, rows, cols=[10, 26] + [8] * len(spec), cls="tree")]

    # 财政拨款收支总表 ------------------------------------------------------------
    def appropriation_econ(self) -> list[Grid]:
        m = self.money_for("appropriation_econ")
        fig = self.fig
        income = [("一、一般公共预算财政拨款收入", fig.total), ("二、政府性基金预算财政拨款收入", fig.gov_fund_total)]
        funcs = [(f"{c}{self.namer(c)}", self.class_amount(c), self.class_amount(c, roots=fig.gov_fund)) for c in self.classes]
        econ_codes = self.opt("appropriation_econ", "econ_classes", ["301", "302", "303", "307", "309", "310", "311", "312", "313", "399"])
        econ = [("支出", None, None)] + [(f"{c}{self.namer(c)}", fig.econ_all.get(c), None) for c in econ_codes]
        rows = []
        for i in range(max(len(income), len(funcs), len(econ))):
            lt, lv = income[i] if i < len(income) else ("", None)
            ft, fa, fb = funcs[i] if i < len(funcs) else ("", None, None)
            et, ea, eb = econ[i] if i < len(econ) else ("", None, None)
            rows.append([label(lt), m.cell(lv), label(ft), m.cell(fa), m.cell(fb), label(et), m.cell(ea), m.cell(eb)])
        g, f = fig.total, fig.gov_fund_total
        rows.append([label("本年收入合计", strong=True), m.cell(fig.grand_total), label("本年支出合计", strong=True), m.cell(g), m.cell(f), label("本年支出合计", strong=True), m.cell(g), m.cell(f)])
        rows.append([label("上年结转"), num(""), label("结转下年"), num(""), num(""), label("结转下年"), num(""), num("")])
        rows.append([label("收入总计", strong=True), m.cell(fig.grand_total), label("支出总计", strong=True), m.cell(g), m.cell(f), label("支出总计", strong=True), m.cell(g), m.cell(f)])
        header = [head(Cell("收入", colspan=2), Cell("支出（功能分类）", colspan=3), Cell("支出（部门预算经济分类）", colspan=3)),
                  head("项目", "预算数", "项目", "一般公共预算", "政府性基金预算", "项目", "一般公共预算", "政府性基金预算")]
        return [Grid(header, rows, cols=[20, 8, 20, 8, 8, 18, 8, 8], cls="summary")]

    def appropriation(self) -> list[Grid]:
        m = self.money_for("appropriation")
        fig = self.fig
        left = [("一、本年收入", fig.grand_total), ("(一) 一般公共预算拨款", fig.total), ("(二) 政府性基金预算拨款", fig.gov_fund_total),
                ("(三) 国有资本经营预算拨款", None), ("二、上年结转", None), ("(一) 一般公共预算拨款", None), ("(二) 政府性基金预算拨款", None), ("(三) 国有资本经营预算拨款", None)]
        style = self.opt("appropriation", "class_style", "cn_nian_paren")
        right = [("一、本年支出", fig.grand_total)]
        right += [(f"{number(style, i + 1).replace('（', '(').replace('）', ') ')}{self.namer(c)}", self.class_amount(c) + self.class_amount(c, roots=fig.gov_fund)) for i, c in enumerate(self.classes)]
        right.append(("二、年终结转结余", None))
        rows = []
        for i in range(max(len(left), len(right))):
            lt, lv = left[i] if i < len(left) else ("", None)
            rt, rv = right[i] if i < len(right) else ("", None)
            rows.append([label(lt), m.cell(lv), label(rt), m.cell(rv)])
        rows.append([label("收 入 总 计", strong=True), m.cell(fig.grand_total), label("支 出 总 计", strong=True), m.cell(fig.grand_total)])
        header = [head(Cell("收 入", colspan=2), Cell("支 出", colspan=2)), head("项目", "预算数", "项目", "预算数")]
        return [Grid(header, rows, cols=[30, 12, 30, 12], cls="summary")]

    # 一般公共预算支出表 / 基本支出表 -------------------------------------------------
    def general(self) -> list[Grid]:
        m = self.money_for("general")
        fig = self.fig
        code_head = self.opt("general", "code_head", "功能科目编码")
        name_head = self.opt("general", "name_head", "功能科目名称")
        if self.opt("general", "split", False):
            keys = ["total", "basic", "personnel", "public", "project"]
            header = [head(Cell(code_head, rowspan=2), Cell(name_head, rowspan=2), Cell("合计", rowspan=2), Cell("基本支出", colspan=3), Cell("项目支出", rowspan=2)),
                      head("小计", "人员经费", "公用经费")]
            totals = [fig.total, fig.basic, column_total(fig.functions, "personnel"), column_total(fig.functions, "public"), fig.project]
        else:
            keys = ["total", "basic", "project"]
            header = [head(code_head, name_head, "总计", "基本支出", "项目支出")]
            totals = [fig.total, fig.basic, fig.project]
        rows = [total_row("合计", totals, m)] + tree_rows(fig.functions, self.namer, keys, m)
        return [Grid(header, rows, cols=[11, 30] + [9] * len(keys), cls="tree")]

    def basic(self) -> list[Grid]:
        m = self.money_for("basic")
        fig = self.fig
        total_head = self.opt("basic", "total_head", "小计")
        group = self.opt("basic", "group_head", "基本支出")
        header = [head(Cell(self.opt("basic", "code_head", "经济科目编码"), rowspan=2), Cell(self.opt("basic", "name_head", "经济科目名称"), rowspan=2), Cell(group, colspan=3)),
                  head(total_head, "人员经费", "公用经费")]
        rows = [total_row("合计", [fig.basic, fig.personnel, fig.public], m)]
        rows += tree_rows(fig.economics, self.namer, ["amount", "personnel", "public"], m)
        return [Grid(header, rows, cols=[12, 34, 12, 12, 12], cls="tree")]

    # "三公"经费表 -----------------------------------------------------------------
    def three_public_rows(self) -> list[Grid]:
        m = self.money_for("three_public_rows")
        tp = self.fig.three_public
        rows = [[label("合   计", strong=True), m.cell(tp.total), Cell("")],
                [label("1.因公出国（境）费用"), m.cell(tp.outbound), Cell("")],
                [label("2.公务用车购置及运行维护费"), m.cell(tp.vehicle), Cell("")],
                [label("其中：(1)公务用车购置", 1), m.cell(tp.vehicle_purchase), Cell("")],
                [label("(2)公务用车运行维护费", 2), m.cell(tp.vehicle_operation), Cell("")],
                [label("3.公务接待费"), m.cell(tp.reception), Cell("")]]
        return [Grid([head("项   目", "本年预算数", "情况说明")], rows, cols=[40, 15, 30])]

    def three_public_row(self) -> list[Grid]:
        m = self.money_for("three_public_row")
        tp = self.fig.three_public
        header = [head(Cell("“三公”经费合计", rowspan=2), Cell("因公出国(境)费", rowspan=2), Cell("公务用车购置及运行费", colspan=3), Cell("公务接待费", rowspan=2)),
                  head("小计", "公务用车购置费", "公务用车运行费")]
        rows = [[m.cell(v) for v in (tp.total, tp.outbound, tp.vehicle, tp.vehicle_purchase, tp.vehicle_operation, tp.reception)]]
        return [Grid(header, rows, cols=[1] * 6)]

    # 政府性基金预算支出表 -------------------------------------------------------------
    def gov_fund(self) -> list[Grid]:
        m = self.money_for("gov_fund")
        fig = self.fig
        with_unit = self.opt("gov_fund", "unit_columns", False)
        lead = [Cell(self.opt("gov_fund", "code_head", "功能科目编码"), rowspan=2), Cell(self.opt("gov_fund", "name_head", "功能科目名称"), rowspan=2)]
        if with_unit:
            lead += [Cell("单位代码", rowspan=2), Cell("单位名称", rowspan=2)]
        header = [head(*lead, Cell("本年政府性基金预算支出", colspan=3)), head(self.opt("gov_fund", "total_head", "总计"), "基本支出", "项目支出")]
        width = len(lead) + 3
        if not fig.gov_fund:
            rows = [empty_row(width)]
        else:
            rows = [total_row("合计", [fig.gov_fund_total, column_total(fig.gov_fund, "basic"), column_total(fig.gov_fund, "project")], m, span=len(lead))]
            for cells in tree_rows(fig.gov_fund, self.namer, ["total", "basic", "project"], m):
                rows.append(cells[:2] + ([Cell(""), Cell("")] if with_unit else []) + cells[2:])
        return [Grid(header, rows, cols=[1] * width)]

    # 项目支出表 ---------------------------------------------------------------------
    def projects(self) -> list[Grid]:
        m = self.money_for("projects")
        amounts = self.fig.project_amounts
        rows = [total_row("合计", [sum(amounts, Decimal(0))], m, span=3)]
        for i, (project, value) in enumerate(zip(self.report.projects, amounts)):
            category = project.form.category if project.form else ""
            rows.append([Cell(str(i + 1)), label(project.name), Cell(category), m.cell(value)])
        header = [head("序号", "项目名称", "项目类别", "本年预算")]
        return [Grid(header, rows, cols=[8, 52, 20, 20])]
