"""The standard budget tables (部门预算公开表)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.compute.budget import BudgetFigures
from generator.model.budget import BudgetReport
from generator.zh.ordinals import number
from generator.compute.tree import Node
from generator.present.tables.common import Namer, code_width, empty_total, total_row, tree_header, tree_rows, with_total
from generator.present.tables.grid import Cell, Grid, Money, head, label, num

INCOME_SOURCES = (
    "一般公共预算财政拨款收入",
    "政府性基金预算财政拨款收入",
    "事业收入",
    "上级补助收入",
    "附属单位上缴收入",
    "事业单位经营收入",
    "其他收入",
)
INCOME = {
    "总计": "income",
    "合计": "income",
    "收入合计": "income",
    "财政拨款收入": "income_appropriation",
    "一般公共预算财政拨款收入": "income_general",
    "一般公共预算拨款收入": "income_general",
    "一般公共预算资金": "income_general",
    "政府性基金预算财政拨款收入": "income_gov_fund",
    "政府性基金预算拨款收入": "income_gov_fund",
    "政府性基金": "income_gov_fund",
    "国有资本经营预算财政拨款收入": "income_state_capital",
    "国有资本经营预算拨款收入": "income_state_capital",
    "国有资本经营预算": "income_state_capital",
    "财政专户管理资金收入": "income_special_account",
    "财政专户管理资金": "income_special_account",
    "单位资金": "income_unit_funds",
    "事业收入": "income_business",
    "上级补助收入": "income_upper_grant",
    "事业单位经营收入": "income_operating",
    "附属单位上缴收入": "income_subsidiary",
    "其他收入": "income_other",
    "用事业基金弥补收支差额": "income_business_fund",
}
"""Income rows and columns of the budget tables by name, and the ledger column each one shows."""
SPENDING = {
    "总计": "spending",
    "合计": "spending",
    "基本支出": "basic",
    "项目支出": "project",
    "上缴上级支出": "to_upper",
    "对附属单位补助支出": "to_subsidiary",
    "事业单位经营支出": "operating_spend",
}
"""Spending columns of the budget tables by name, and the ledger column each one shows."""


class BudgetTables:
    """Builds each budget table from the figures; options come from the profile."""

    def __init__(self, report: BudgetReport, fig: BudgetFigures, money: Money, options: dict[str, dict[str, Any]], summary_classes: list[str]) -> None:
        self.report = report
        self.fig = fig
        self.money = money
        self.options = options
        self.namer = Namer.of(report)
        self.classes = summary_classes or [n.code for n in fig.ledger.roots if n.values["spending"]]

    def opt(self, table: str, key: str, default: Any) -> Any:
        return self.options.get(table, {}).get(key, default)

    def money_for(self, table: str) -> Money:
        return self.money.with_options(self.options.get(table, {}))

    # 收支总表 ------------------------------------------------------------------
    def summary_econ(self) -> list[Grid]:
        """收入 | 支出（功能） | 支出（经济分类）, as in the 公开表1 of Wuhan district budgets."""
        m = self.money_for("summary_econ")
        fig = self.fig
        led = fig.ledger
        income = [
            (f"{number('cn_dun', i + 1)}{name}", led.total(INCOME[name]) if name in INCOME else None)
            for i, name in enumerate(self.opt("summary_econ", "income", list(INCOME_SOURCES)))
        ]
        functions = [(f"{c}{self.namer(c)}", led.value(c, "spending")) for c in self.classes]
        econ_codes = self.opt("summary_econ", "econ_classes", ["301", "302", "303", "307", "309", "310", "311", "312", "313", "399"])
        econ: list[tuple[str, Decimal | None]] = [(self.opt("summary_econ", "econ_head", "支出（部门预算经济分类）"), None)]
        econ += [(f"{c}{self.namer(c)}", fig.econ_all.get(c)) for c in econ_codes]
        height = max(len(income), len(functions), len(econ))
        rows = []
        for i in range(height):
            row = []
            for column in (income, functions, econ):
                text, value = column[i] if i < len(column) else ("", None)
                row += [label(text), m.cell(value)]
            rows.append(row)
        income_total, spent = fig.income_total, fig.spending_total
        rows.append(
            [
                label("本年收入合计", strong=True),
                m.cell(income_total),
                label("本年支出合计", strong=True),
                m.cell(spent),
                label("本年支出合计", strong=True),
                m.cell(spent),
            ]
        )
        footer = {"carry": (fig.carry_start, fig.carry_end), "business_fund": (led.total("income_business_fund"), None)}
        for entry in self.opt("summary_econ", "footer", [["八、用事业基金弥补收支差额", "", "business_fund"], ["九、上年结转", "结转下年", "carry"]]):
            left, mid, key = (list(entry) + ["", ""])[:3]
            a, b = footer.get(key, (None, None))
            rows.append([label(left), m.cell(a), label(mid), m.cell(b) if mid else num(""), label(mid), m.cell(b) if mid else num("")])
        total = fig.grand_total
        rows.append(
            [label("收入总计", strong=True), m.cell(total), label("支出总计", strong=True), m.cell(total), label("支出总计", strong=True), m.cell(total)]
        )
        header = [
            head(Cell("收入", colspan=2), Cell("支出（功能）", colspan=2), Cell("支出（经济分类）", colspan=2)),
            head("项目", "预算数", "项目", "预算数", "项目", "预算数"),
        ]
        return [Grid(header, rows, cols=[22, 9, 22, 9, 22, 9], cls="summary")]

    def summary(self) -> list[Grid]:
        """收入 | 支出 with the function classes numbered 一、二、…, as in 附表4-1."""
        m = self.money_for("summary")
        fig, led = self.fig, self.fig.ledger
        sources = self.opt(
            "summary",
            "income",
            [
                "一般公共预算拨款收入",
                "政府性基金预算拨款收入",
                "国有资本经营预算拨款收入",
                "财政专户管理资金收入",
                "事业收入",
                "事业单位经营收入",
                "上级补助收入",
                "附属单位上缴收入",
                "其他收入",
            ],
        )
        income = []
        for i, entry in enumerate(sources):
            text, key = self.source(entry, "summary")
            income.append((text if isinstance(entry, list) else f"{number('cn_dun', i + 1)}{text}", led.total(key) if key else None))
        style = self.opt("summary", "class_style", "cn_nian_dun")
        spend = [(f"{number(style, i + 1)}{self.namer(c)}", led.value(c, "spending")) for i, c in enumerate(self.classes)]
        rows = []
        for i in range(max(len(income), len(spend))):
            row = []
            for column in (income, spend):
                text, value = column[i] if i < len(column) else ("", None)
                row += [label(text), m.cell(value) if text else num("")]
            rows.append(row)
        feet = self.opt("summary", "feet", ["year", "carry", "total"])
        totals = self.opt("summary", "total_labels", ["收 入 总 计", "支 出 总 计"])
        if "year" in feet:
            rows.append([label("本年收入合计", strong=True), m.cell(fig.income_total), label("本年支出合计", strong=True), m.cell(fig.spending_total)])
        if "carry" in feet:
            rows.append([label("上年结转结余"), m.cell(fig.carry_start), label("年终结转结余"), m.cell(fig.carry_end)])
        rows.append([label(totals[0], strong=True), m.cell(fig.grand_total), label(totals[1], strong=True), m.cell(fig.grand_total)])
        header = [head(Cell("收 入", colspan=2), Cell("支 出", colspan=2)), head("项 目", "预算数", "项 目", "预算数")]
        return [Grid(header, rows, cols=[30, 12, 30, 12], cls="summary")]

    def source(self, entry: str | list[str], table: str) -> tuple[str, str]:
        """(printed label, ledger column) of an income row or column: a name the toolkit knows, or [label, column]."""
        if isinstance(entry, list):
            return str(entry[0]), str(entry[1]) if len(entry) > 1 else ""
        return entry, INCOME.get(entry, "")

    # 收入总表 / 支出总表 -------------------------------------------------------
    def _tree_table(self, table: str, roots: list[Node], spec: list[tuple[str, str]], defaults: dict[str, Any]) -> list[Grid]:
        """A classification table: rows from the ledger tree, one column per (head, ledger column); options:
        code_columns (split: 类 | 款 | 项), total_at (top | bottom), group (a head over the columns), code_head, name_head."""
        m = self.money_for(table)
        o = {**defaults, **self.options.get(table, {})}
        split = o.get("code_columns") == "split"
        economic = bool(o.get("economic", False))
        # a column with no money prints blank; a zero in a column with money prints in the zero style
        keys = [k for _, k in spec] if economic else [k if k and self.fig.ledger.total(k) else "" for _, k in spec]
        total = total_row(o.get("total_label", "合计"), [self.fig.ledger.total(k) if k else None for k in keys], m, span=code_width(split, economic) + 1)
        if economic:
            total = total_row(
                o.get("total_label", "合计"),
                [sum((r.values.get(k) or Decimal(0) for r in roots), Decimal(0)) for k in keys],
                m,
                span=code_width(split, economic) + 1,
            )
        body = tree_rows(roots, self.namer, keys, m, split=split)
        if not roots and o.get("empty_total", False):
            body = []
        elif not roots:
            return [
                Grid(
                    tree_header(o["code_head"], o["name_head"], [h for h, _ in spec], split, economic, o.get("group"), o.get("item_head", "项目")),
                    [empty_total(o.get("total_label", "合计"), code_width(split, economic) + 1, len(spec))],
                    cols=[1] * (code_width(split, economic) + 1 + len(spec)),
                )
            ]
        rows = with_total(body, total, o.get("total_at", "top"))
        header = tree_header(o["code_head"], o["name_head"], [h for h, _ in spec], split, economic, o.get("group"), o.get("item_head", "项目"))
        code_cols = [4] * 3 if split and not economic else [6] * 2 if split else [o.get("code_width", 10)]
        return [Grid(header, rows, cols=code_cols + [o.get("name_width", 26)] + [o.get("value_width", 8)] * len(spec), cls=o.get("cls", "tree"))]

    def columns(self, table: str, default: list[Any], names: dict[str, str]) -> list[tuple[str, str]]:
        """A table's columns as (head, ledger column): names the toolkit knows, or [head, column] pairs (column "" prints blank)."""
        out = []
        for entry in self.opt(table, "columns", default):
            if isinstance(entry, list):
                out.append((str(entry[0]), str(entry[1]) if len(entry) > 1 else ""))
            else:
                out.append((entry, names.get(entry, "")))
        return out

    def income(self) -> list[Grid]:
        spec = self.columns(
            "income",
            ["总计", *INCOME_SOURCES[:2], "事业收入", "上级补助收入", "事业单位经营收入", "其他收入", "用事业基金弥补收支差额", "上年结转、结余"],
            INCOME,
        )
        roots = self.fig.ledger.shown([k for _, k in spec if k])
        return self._tree_table(
            "income", roots, spec, {"code_head": "功能科目编码", "name_head": "功能科目名称", "value_width": 7, "name_width": 24, "cls": "tree wide"}
        )

    def expenditure(self) -> list[Grid]:
        spec = self.columns(
            "expenditure",
            [
                ["总计", "spending"],
                ["基本支出", "basic"],
                ["项目支出", "project"],
                ["上缴上级支出", "to_upper"],
                ["对附属单位补助支出", "to_subsidiary"],
                ["事业单位经营支出", "operating_spend"],
                ["结转下年", ""],
            ],
            SPENDING,
        )
        roots = self.fig.ledger.shown([k for _, k in spec if k])
        return self._tree_table("expenditure", roots, spec, {"code_head": "功能科目编码", "name_head": "功能科目名称"})

    # 财政拨款收支总表 ------------------------------------------------------------
    def appropriation_econ(self) -> list[Grid]:
        m = self.money_for("appropriation_econ")
        fig = self.fig
        led = fig.ledger
        income = [("一、一般公共预算财政拨款收入", led.total("income_general")), ("二、政府性基金预算财政拨款收入", led.total("income_gov_fund"))]
        funcs = [(f"{c}{self.namer(c)}", led.value(c, "general"), led.value(c, "gov_fund")) for c in self.classes]
        econ_codes = self.opt("appropriation_econ", "econ_classes", ["301", "302", "303", "307", "309", "310", "311", "312", "313", "399"])
        econ = [("支出", None, None)] + [(f"{c}{self.namer(c)}", fig.econ_all.get(c), None) for c in econ_codes]
        rows = []
        for i in range(max(len(income), len(funcs), len(econ))):
            lt, lv = income[i] if i < len(income) else ("", None)
            ft, fa, fb = funcs[i] if i < len(funcs) else ("", None, None)
            et, ea, eb = econ[i] if i < len(econ) else ("", None, None)
            rows.append([label(lt), m.cell(lv), label(ft), m.cell(fa), m.cell(fb), label(et), m.cell(ea), m.cell(eb)])
        g, f = led.total("general"), led.total("gov_fund")
        income_total = led.total("income_general") + led.total("income_gov_fund")
        rows.append(
            [
                label("本年收入合计", strong=True),
                m.cell(income_total),
                label("本年支出合计", strong=True),
                m.cell(g),
                m.cell(f),
                label("本年支出合计", strong=True),
                m.cell(g),
                m.cell(f),
            ]
        )
        rows.append([label("上年结转"), num(""), label("结转下年"), num(""), num(""), label("结转下年"), num(""), num("")])
        rows.append(
            [
                label("收入总计", strong=True),
                m.cell(income_total),
                label("支出总计", strong=True),
                m.cell(g),
                m.cell(f),
                label("支出总计", strong=True),
                m.cell(g),
                m.cell(f),
            ]
        )
        header = [
            head(Cell("收入", colspan=2), Cell("支出（功能分类）", colspan=3), Cell("支出（部门预算经济分类）", colspan=3)),
            head("项目", "预算数", "项目", "一般公共预算", "政府性基金预算", "项目", "一般公共预算", "政府性基金预算"),
        ]
        return [Grid(header, rows, cols=[20, 8, 20, 8, 8, 18, 8, 8], cls="summary")]

    def appropriation(self) -> list[Grid]:
        m = self.money_for("appropriation")
        fig, led = self.fig, self.fig.ledger
        start = fig.carry_start_funds
        left = [
            ("一、本年收入", fig.income_appropriation),
            ("(一) 一般公共预算拨款", led.total("income_general")),
            ("(二) 政府性基金预算拨款", led.total("income_gov_fund")),
            ("(三) 国有资本经营预算拨款", led.total("income_state_capital")),
            ("二、上年结转", fig.carry_start_appropriation),
            ("(一) 一般公共预算拨款", start["general"]),
            ("(二) 政府性基金预算拨款", start["gov_fund"]),
            ("(三) 国有资本经营预算拨款", start["state_capital"]),
        ]
        style = self.opt("appropriation", "class_style", "cn_nian_paren")
        right: list[tuple[str, Decimal | None]] = [("一、本年支出", fig.appropriation)]
        right += [
            (f"{number(style, i + 1).replace('（', '(').replace('）', ') ')}{self.namer(c)}", led.value(c, "appropriation")) for i, c in enumerate(self.classes)
        ]
        right.append(("二、年终结转结余", fig.appropriation_carry_end))
        rows = []
        for i in range(max(len(left), len(right))):
            lt, lv = left[i] if i < len(left) else ("", None)
            rt, rv = right[i] if i < len(right) else ("", None)
            rows.append([label(lt), m.cell(lv), label(rt), m.cell(rv)])
        rows.append(
            [label("收 入 总 计", strong=True), m.cell(fig.appropriation_grand_total), label("支 出 总 计", strong=True), m.cell(fig.appropriation_grand_total)]
        )
        header = [head(Cell("收 入", colspan=2), Cell("支 出", colspan=2)), head("项目", "预算数", "项目", "预算数")]
        return [Grid(header, rows, cols=[30, 12, 30, 12], cls="summary")]

    # 一般公共预算支出表 / 基本支出表 -------------------------------------------------
    def general(self) -> list[Grid]:
        if self.opt("general", "split", False):
            return self._general_split()
        return self.fund_table("general", "general", "总计")

    def fund_table(self, table: str, fund: str, total_head: str) -> list[Grid]:
        """Spending of one fund by function 项: 合计 | 基本支出 | 项目支出 (an empty fund: one empty row, or 合计 alone)."""
        head_total = self.opt(table, "total_head", total_head)
        spec = [(head_total, fund), ("基本支出", f"{fund}_basic"), ("项目支出", f"{fund}_project")]
        roots = self.fig.ledger.shown([fund])
        return self._tree_table(
            table, roots, spec, {"code_head": "功能科目编码", "name_head": "功能科目名称", "code_width": 11, "name_width": 30, "value_width": 9}
        )

    def _general_split(self) -> list[Grid]:
        m = self.money_for("general")
        fig = self.fig
        code_head = self.opt("general", "code_head", "功能科目编码")
        name_head = self.opt("general", "name_head", "功能科目名称")
        keys = ["total", "basic", "personnel", "public", "project"]
        header = [
            head(Cell(code_head, rowspan=2), Cell(name_head, rowspan=2), Cell("合计", rowspan=2), Cell("基本支出", colspan=3), Cell("项目支出", rowspan=2)),
            head("小计", "人员经费", "公用经费"),
        ]
        led = fig.ledger
        totals = [fig.total, fig.basic, led.total("general_personnel"), led.total("general_public"), fig.project]
        rows = [total_row("合计", totals, m)] + tree_rows(fig.functions, self.namer, keys, m)
        return [Grid(header, rows, cols=[11, 30] + [9] * len(keys), cls="tree")]

    def basic(self) -> list[Grid]:
        o = self.options.get("basic", {})
        spec = [(o.get("total_head", "小计"), "amount"), ("人员经费", "personnel"), ("公用经费", "public")]
        if o.get("code_columns") == "split" or o.get("total_at") == "bottom" or "group" in o:
            return self._tree_table(
                "basic",
                self.fig.economics,
                spec,
                {"code_head": "经济科目编码", "name_head": "经济科目名称", "economic": True, "code_width": 12, "name_width": 34, "value_width": 12},
            )
        m = self.money_for("basic")
        fig = self.fig
        group = o.get("group_head", "基本支出")
        header = [
            head(Cell(o.get("code_head", "经济科目编码"), rowspan=2), Cell(o.get("name_head", "经济科目名称"), rowspan=2), Cell(group, colspan=3)),
            head(spec[0][0], "人员经费", "公用经费"),
        ]
        rows = [total_row("合计", [fig.basic, fig.personnel, fig.public], m)]
        rows += tree_rows(fig.economics, self.namer, ["amount", "personnel", "public"], m)
        return [Grid(header, rows, cols=[12, 34, 12, 12, 12], cls="tree")]

    # 财政拨款收支总表 by fund ------------------------------------------------------------
    def appropriation_funds(self) -> list[Grid]:
        """财政拨款收入 by fund | 财政拨款支出 by function 类: 合计 and one column per fund."""
        m = self.money_for("appropriation_funds")
        fig, led = self.fig, self.fig.ledger
        sources = self.opt(
            "appropriation_funds",
            "income",
            [["一、一般公共预算资金", "income_general"], ["二、政府性基金", "income_gov_fund"], ["三、国有资本经营预算", "income_state_capital"]],
        )
        left = [(str(s[0]), led.total(str(s[1]))) for s in sources]
        funds = ["appropriation", "general", "gov_fund", "state_capital"]
        shown = [f if led.total(f) else "" for f in funds]
        style = self.opt("appropriation_funds", "class_style", "cn_dun")
        right = [(f"{number(style, i + 1)}{self.namer(c)}", [led.value(c, f) if f else None for f in shown]) for i, c in enumerate(self.classes)]
        rows = []
        for i in range(max(len(left), len(right))):
            lt, lv = left[i] if i < len(left) else ("", None)
            rt, rv = right[i] if i < len(right) else ("", [None] * len(funds))
            rows.append([label(lt), m.cell(lv), label(rt)] + [m.cell(v) for v in rv])
        totals = [led.total(f) if f else None for f in shown]
        rows.append([label("收入总计", strong=True), m.cell(fig.appropriation_grand_total), label("支出总计", strong=True)] + [m.cell(v) for v in totals])
        header = [
            head(Cell("财政拨款收入", colspan=2), Cell("财政拨款支出", colspan=5)),
            head("项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"),
        ]
        return [Grid(header, rows, cols=[17, 14, 19, 14, 14, 11, 11], cls="summary wide")]

    # "三公"经费表 -----------------------------------------------------------------
    def three_public_rows(self) -> list[Grid]:
        m = self.money_for("three_public_rows")
        tp = self.fig.three_public
        rows = [
            [label("合   计", strong=True), m.cell(tp.total), Cell("")],
            [label("1.因公出国（境）费用"), m.cell(tp.outbound), Cell("")],
            [label("2.公务用车购置及运行维护费"), m.cell(tp.vehicle), Cell("")],
            [label("其中：(1)公务用车购置", 1), m.cell(tp.vehicle_purchase), Cell("")],
            [label("(2)公务用车运行维护费", 2), m.cell(tp.vehicle_operation), Cell("")],
            [label("3.公务接待费"), m.cell(tp.reception), Cell("")],
        ]
        return [Grid([head("项   目", "本年预算数", "情况说明")], rows, cols=[40, 15, 30])]

    def three_public_row(self) -> list[Grid]:
        m = self.money_for("three_public_row")
        tp = self.fig.three_public
        values = [tp.total, tp.outbound, tp.vehicle, tp.vehicle_purchase, tp.vehicle_operation, tp.reception]
        o = self.options.get("three_public_row", {})
        if o.get("operating_costs", False):
            group = o.get("group", "“三公”经费预算数")
            header = [
                head(Cell(group, colspan=6), Cell(o.get("operating_head", "机关运行经费预算数"), rowspan=3)),
                head(Cell("合计", rowspan=2), Cell("因公出国(境)费", rowspan=2), Cell("公务用车购置及运行费", colspan=3), Cell("公务接待费", rowspan=2)),
                head("小计", "购置费", "运行费"),
            ]
            return [Grid(header, [[m.cell(v) for v in [*values, self.fig.operating_costs]]], cols=[1] * 7)]
        header = [
            head(Cell("“三公”经费合计", rowspan=2), Cell("因公出国(境)费", rowspan=2), Cell("公务用车购置及运行费", colspan=3), Cell("公务接待费", rowspan=2)),
            head("小计", "公务用车购置费", "公务用车运行费"),
        ]
        rows = [[m.cell(v) for v in values]]
        return [Grid(header, rows, cols=[1] * 6)]

    # 政府性基金预算支出表 -------------------------------------------------------------
    def state_capital(self) -> list[Grid]:
        return self.fund_table("state_capital", "state_capital", "合计")

    def gov_fund(self) -> list[Grid]:
        if self.opt("gov_fund", "layout", "") == "fund":
            return self.fund_table("gov_fund", "gov_fund", "合计")
        m = self.money_for("gov_fund")
        fig = self.fig
        with_unit = self.opt("gov_fund", "unit_columns", False)
        lead = [Cell(self.opt("gov_fund", "code_head", "功能科目编码"), rowspan=2), Cell(self.opt("gov_fund", "name_head", "功能科目名称"), rowspan=2)]
        if with_unit:
            lead += [Cell("单位代码", rowspan=2), Cell("单位名称", rowspan=2)]
        header = [head(*lead, Cell("本年政府性基金预算支出", colspan=3)), head(self.opt("gov_fund", "total_head", "总计"), "基本支出", "项目支出")]
        width = len(lead) + 3
        if not fig.gov_fund:
            rows = [empty_total("合计", len(lead), 3)]
        else:
            rows = [total_row("合计", [fig.gov_fund_total, fig.ledger.total("gov_fund_basic"), fig.ledger.total("gov_fund_project")], m, span=len(lead))]
            for cells in tree_rows(fig.gov_fund, self.namer, ["total", "basic", "project"], m):
                rows.append(cells[:2] + ([Cell(""), Cell("")] if with_unit else []) + cells[2:])
        return [Grid(header, rows, cols=[1] * width)]

    # 项目支出表 ---------------------------------------------------------------------
    def projects(self) -> list[Grid]:
        m = self.money_for("projects")
        amounts = self.fig.project_amounts
        rows = [total_row("合计", [self.fig.projects_total], m, span=3)]
        for i, (project, value) in enumerate(zip(self.report.projects, amounts)):
            category = project.form.category if project.form else ""
            rows.append([Cell(str(i + 1)), label(project.name), Cell(category), m.cell(value)])
        header = [head("序号", "项目名称", "项目类别", "本年预算")]
        return [Grid(header, rows, cols=[8, 52, 20, 20])]
