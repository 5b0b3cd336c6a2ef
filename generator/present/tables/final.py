"""The standard final-account tables (公开01表–公开09表) with 行次/栏次 and their formula lines."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Collection, Sequence

from generator.compute.final import Evaluation, FinalFigures
from generator.model.final import FinalReport
from generator.model.performance import ScoredIndicator
from generator.zh.numbers import fmt_amount, fmt_points
from generator.zh.ordinals import number
from generator.zh.text import tidy
from generator.present.tables.common import Namer, code_width, split_code, total_row, tree_rows
from generator.present.tables.grid import FORM_MONEY, Cell, Grid, Money, amount_cell, head, label, num

INCOME = {
    "一般公共预算财政拨款收入": "income_general",
    "政府性基金预算财政拨款收入": "income_gov_fund",
    "国有资本经营预算财政拨款收入": "income_state_capital",
    "上级补助收入": "income_upper_grant",
    "事业收入": "income_business",
    "经营收入": "income_operating",
    "附属单位上缴收入": "income_subsidiary",
    "其他收入": "income_other",
}
"""The income rows of the 总表 and the ledger column each one shows."""
FUNDS = {"一般公共预算财政拨款": "general", "政府性基金预算财政拨款": "gov_fund", "国有资本经营预算财政拨款": "state_capital"}
INCOME_COLUMNS = {
    "本年收入合计": "income",
    "财政拨款收入": "income_appropriation",
    "上级补助收入": "income_upper_grant",
    "事业收入": "income_business",
    "经营收入": "income_operating",
    "附属单位上缴收入": "income_subsidiary",
    "其他收入": "income_other",
}
"""The columns of the 收入决算表 and the ledger column each one shows."""
SPENDING_COLUMNS = {
    "本年支出合计": "spending",
    "基本支出": "basic",
    "项目支出": "project",
    "上缴上级支出": "to_upper",
    "经营支出": "operating_spend",
    "对附属单位补助支出": "to_subsidiary",
}
"""The columns of the 支出决算表 and the ledger column each one shows."""
NUMBER_COLUMNS = (1, 4)
"""Where a two-sided 总表 prints its 行次: after the income label and after the spending label."""
THREE_PUBLIC = ("total", "outbound", "vehicle", "vehicle_purchase", "vehicle_operation", "reception")
# 公开06表: the fixed 款 of each economic 类 of basic expenditure (domain §B.2), in three blocks
BASIC_DETAIL = (
    {
        "301": ["30101", "30102", "30103", "30106", "30107", "30108", "30109", "30110", "30111", "30112", "30113", "30114", "30199"],
        "303": ["30301", "30302", "30303", "30304", "30305", "30306", "30307", "30308", "30309", "30310", "30311", "30399"],
    },
    {
        "302": [
            "30201",
            "30202",
            "30203",
            "30204",
            "30205",
            "30206",
            "30207",
            "30208",
            "30209",
            "30211",
            "30212",
            "30213",
            "30214",
            "30215",
            "30216",
            "30217",
            "30218",
            "30224",
            "30225",
            "30226",
            "30227",
            "30228",
            "30229",
            "30231",
            "30239",
            "30240",
            "30299",
        ]
    },
    {"307": ["30701", "30703"], "310": ["31002", "31003", "31007", "31013", "31019", "31021", "31022", "31099"], "312": ["31204", "31299"], "399": ["39908"]},
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

    def layout(self, sources: Collection[Any], feet: int) -> tuple[int, int]:
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

    def opt(self, table: str, key: str, default: Any) -> Any:
        return self.options.get(table, {}).get(key, default)

    def numbered(self, table: str) -> bool:
        """Whether a table prints 行次 and 栏次 (the national layout) or plain rows (option ``row_numbers: false``)."""
        return bool(self.opt(table, "row_numbers", True))

    def _two_sided(
        self,
        table: str,
        left: Sequence[tuple[str, Decimal | None]],
        right: Sequence[tuple[str, Sequence[Decimal | None]]],
        feet: Sequence[tuple[str, Decimal | None, str, Sequence[Decimal | None]]],
        heads: list[list[Cell]],
        cols: list[int],
    ) -> list[Grid]:
        """A 总表: sources on the left, function classes on the right, then the foot rows; with or without 行次."""
        m = self.money_for(table)
        numbered = self.numbered(table)
        height, first = self.layout(left, len(feet))
        rows = []
        for i in range(height):
            lt, lv = left[i] if i < len(left) else ("", None)
            rt, rv = right[i] if i < len(right) else ("", [])
            row = [label(lt)] + ([Cell(str(i + 1))] if numbered else []) + [m.cell(lv)]
            row += [label(rt)] + ([Cell(str(first + i) if rt else "")] if numbered else []) + [m.cell(v) for v in rv]
            width = len(right[0][1]) if right else 1
            row += [num("")] * (width - len(rv))
            rows.append(row)
        for j, (lt, lv, rt, rv) in enumerate(feet):
            strong = lt in ("本年收入合计", "总计")
            indent = 1 if lt.startswith(("一、", "二、", "三、")) or lt in FUNDS else 0
            row = [label(lt, indent, strong)] + ([Cell(str(height + 1 + j))] if numbered else []) + [m.cell(lv)]
            row += [label(rt, indent, strong)] + ([Cell(str(first + len(right) + j))] if numbered else []) + [m.cell(v) for v in rv]
            rows.append(row)
        if not numbered:
            cols = [c for i, c in enumerate(cols) if i not in NUMBER_COLUMNS]
        return [Grid(heads, rows, cols=cols, cls="summary wide" if len(cols) > 6 else "summary")]

    # 公开01表 收入支出决算总表 ---------------------------------------------------------
    def summary(self) -> list[Grid]:
        fig, led = self.fig, self.fig.ledger
        sources = self.opt("summary", "income", list(INCOME))
        left = [(f"{number('cn_dun', i + 1)}{name}", led.total(INCOME.get(name, ""))) for i, name in enumerate(sources)]
        right = [(f"{number('cn_dun', i + 1)}{self.namer(c)}", [led.value(c, "spending")]) for i, c in enumerate(self.classes)]
        feet = [
            ("本年收入合计", fig.income_total, "本年支出合计", [fig.spending_total]),
            (self.opt("summary", "surplus_used_label", "使用非财政拨款结余"), fig.surplus_used, "结余分配", [fig.surplus_distributed]),
            ("年初结转和结余", fig.start_total, "年末结转和结余", [fig.end_total]),
            ("总计", fig.grand_total, "总计", [fig.grand_total_spending]),
        ]
        heads = [
            head(Cell("收入", colspan=3), Cell("支出", colspan=3)),
            head("项目", "行次", "决算数", "项目", "行次", "决算数"),
            head(Cell("栏次"), Cell(""), Cell("1"), Cell("栏次"), Cell(""), Cell("2")),
        ]
        if not self.numbered("summary"):
            heads = [head(Cell("收入", colspan=2), Cell("支出", colspan=2)), head("项目", "决算数", "项目", "决算数")]
        return self._two_sided("summary", left, right, feet, heads, [33, 6, 11, 33, 6, 11])

    # 公开02表 收入决算表 / 公开03表 支出决算表 / 公开05表 一般公共预算财政拨款支出决算表 ------------------
    def _tree_table(self, table: str, heads: tuple[str, ...], keys: list[str], group: str | None = None) -> list[Grid]:
        """A table of function 类/款/项 rows; each column bound to a ledger column by name.

        A column with no money at all prints blank; in a column with money, a zero prints in the table's zero style.
        """
        m, led = self.money_for(table), self.fig.ledger
        heads = tuple(self.opt(table, "heads", heads))
        keys = list(self.opt(table, "columns", keys))
        blank = Money(m.thousands, "", m.unit)
        moneys = [m if led.total(k) else blank for k in keys]
        split = self.split(table)
        lead = code_width(split) + 1
        body = tree_rows(led.shown([keys[0]]), self.namer, keys, moneys, split=split)
        total = [Cell("合计", colspan=lead, cls="name total")] + [mm.cell(led.total(k)) for mm, k in zip(moneys, keys)]
        rows = body + [total] if self.opt(table, "total_at", "top") == "bottom" else [total] + body
        code_head = self.opt(table, "code_head", "功能分类科目编码")
        if group:
            header = [
                head(Cell("项目", colspan=lead), Cell(group, colspan=len(heads))),
                head(Cell(code_head, colspan=lead - 1), Cell("科目名称", rowspan=2), *[Cell(h, rowspan=2) for h in heads]),
            ]
        else:
            header = [
                head(Cell("项目", colspan=lead), *[Cell(h, rowspan=3) for h in heads]),
                head(Cell(code_head, colspan=lead - 1), Cell("科目名称", rowspan=2)),
            ]
        header += [self.code_parts_row(split)]
        if self.numbered(table):
            header.append(columns_row(lead, len(heads)))
        return [Grid(header, rows, cols=self.code_cols(split, 11) + [33] + [max(7, 56 // len(heads))] * len(heads), cls="tree wide")]

    def split(self, table: str) -> bool:
        """Whether a table prints codes in 类 | 款 | 项 columns (option ``code_columns: split``)."""
        return self.opt(table, "code_columns", "") == "split"

    @staticmethod
    def code_parts_row(split: bool) -> list[Cell]:
        return head("类", "款", "项") if split else head(Cell("类 款 项"))

    @staticmethod
    def code_cols(split: bool, width: int) -> list[int]:
        return [4, 4, 4] if split else [width]

    def income(self) -> list[Grid]:
        return self._tree_table("income", tuple(INCOME_COLUMNS), list(INCOME_COLUMNS.values()))

    def expenditure(self) -> list[Grid]:
        return self._tree_table("expenditure", tuple(SPENDING_COLUMNS), list(SPENDING_COLUMNS.values()))

    def general(self) -> list[Grid]:
        return self._tree_table("general", ("小计", "基本支出", "项目支出"), ["general", "general_basic", "general_project"], group="本年支出")

    # 公开04表 财政拨款收入支出决算总表 -------------------------------------------------------
    def appropriation(self) -> list[Grid]:
        fig, led = self.fig, self.fig.ledger
        left = [(f"{number('cn_dun', i + 1)}{name}", led.total(f"income_{key}")) for i, (name, key) in enumerate(FUNDS.items())]
        columns = ["appropriation", *FUNDS.values()]
        right = [(f"{number('cn_dun', i + 1)}{self.namer(c)}", [led.value(c, k) for k in columns]) for i, c in enumerate(self.classes)]
        start, end = fig.carry_start, fig.carry_end
        feet: list[tuple[str, Decimal | None, str, list[Decimal | None]]] = [
            ("本年收入合计", fig.appropriation_income, "本年支出合计", [led.total(k) for k in columns]),
            ("年初财政拨款结转和结余", fig.appropriation_start, "年末财政拨款结转和结余", [fig.appropriation_end, *(end[k] for k in FUNDS.values())]),
        ]
        for i, (name, key) in enumerate(FUNDS.items()):
            at_end: list[Decimal | None] = [end[key] if k in ("appropriation", key) else Decimal(0) for k in columns]
            feet.append((name if self.numbered("appropriation") else f"{number('cn_dun', i + 1)}{name}", start[key], name, at_end))
        feet.append(
            ("总计", fig.appropriation_grand_total, "总计", [led.total(k) + (fig.appropriation_end if k == "appropriation" else end[k]) for k in columns])
        )
        heads = [
            head(Cell("收入", colspan=3), Cell("支出", colspan=6)),
            head(
                Cell("项目", rowspan=2),
                Cell("行次", rowspan=2),
                Cell("决算数", rowspan=2),
                Cell("项目", rowspan=2),
                Cell("行次", rowspan=2),
                Cell("决算数", colspan=4),
            ),
            head("小计", *FUNDS),
            head(Cell("栏次"), Cell(""), Cell("1"), Cell("栏次"), Cell(""), Cell("2"), Cell("3"), Cell("4"), Cell("5")),
        ]
        if not self.numbered("appropriation"):
            heads = [
                head(Cell("收入", colspan=2), Cell("支出", colspan=5)),
                head(Cell("项目", rowspan=2), Cell("决算数", rowspan=2), Cell("项目", rowspan=2), Cell("决算数", colspan=4)),
                head("合计", *FUNDS),
            ]
        return self._two_sided("appropriation", left, right, feet, heads, [22, 4, 9, 22, 4, 9, 10, 10, 10])

    # 公开06表 一般公共预算财政拨款基本支出决算明细表 -----------------------------------------------
    def _detail_block(self, classes: dict[str, list[str]], m: Money, split: bool = False) -> list[list[Cell]]:
        amounts = self.fig.econ_amounts

        def code(c: str) -> list[Cell]:
            return [Cell(part, cls="code") for part in split_code(c)] if split else [Cell(c, cls="code")]

        rows = []
        for cls, fixed in classes.items():
            rows.append([*code(cls), label(self.namer(cls), strong=True), m.cell(amounts.get(cls, Decimal(0)))])
            extra = [c for c in amounts if c[:3] == cls and len(c) == 5 and c not in fixed]
            for c in sorted(fixed + extra):
                rows.append([*code(c), label(self.namer(c), 1), m.cell(amounts.get(c))])
        return rows

    def basic(self) -> list[Grid]:
        m = self.money_for("basic")
        split = self.split("basic")
        blocks = [self._detail_block(b, m, split) for b in self.opt("basic", "blocks", BASIC_DETAIL)]
        height = max(len(b) for b in blocks)
        width = 4 if split else 3
        blank = [Cell("")] * (width - 1) + [num("")]
        rows = [sum((b[i] if i < len(b) else blank for b in blocks), []) for i in range(height)]
        rest = width * (len(blocks) - 1)
        rows.append(
            [
                Cell("人员经费合计", colspan=width - 1, cls="name total"),
                m.cell(self.fig.personnel),
                Cell("公用经费合计", colspan=rest - 1, cls="name total"),
                m.cell(self.fig.public),
            ]
        )
        trio = (Cell("经济分类科目编码", colspan=2 if split else 1), Cell("科目名称"), Cell("决算数"))
        header = [head(Cell("人员经费", colspan=width), Cell("公用经费", colspan=rest)), head(*(trio * len(blocks)))]
        if split:
            cols = [4, 4, 19, 7] * len(blocks) if len(blocks) == 3 else [5, 5, 28, 10] * len(blocks)
        else:
            cols = [7, 19, 7, 7, 19, 7, 7, 20, 7] if len(blocks) == 3 else [8, 30, 10] * len(blocks)
        return [Grid(header, rows, cols=cols, cls="detail wide")]

    # 公开07表 / 公开08表 政府性基金 / 国有资本经营预算财政拨款收入支出决算表 ---------------------------------
    def _fund_table(self, table: str, fund: str) -> list[Grid]:
        """One fund's 项: 年初结转和结余, 本年收入, 本年支出 (小计/基本/项目), 年末结转和结余; empty rows when none."""
        m, led, fig = self.money_for(table), self.fig.ledger, self.fig
        heads = ("年初结转和结余", "本年收入", "小计", "基本支出", "项目支出", "年末结转和结余")
        split = self.split(table)
        lead = code_width(split) + 1
        header = [
            head(Cell("项目", colspan=lead), Cell(heads[0], rowspan=3), Cell(heads[1], rowspan=3), Cell("本年支出", colspan=3), Cell(heads[5], rowspan=3)),
            head(
                Cell("功能分类科目编码", colspan=lead - 1),
                Cell("科目名称", rowspan=2),
                Cell(heads[2], rowspan=2),
                Cell(heads[3], rowspan=2),
                Cell(heads[4], rowspan=2),
            ),
            self.code_parts_row(split),
        ]
        if self.numbered(table):
            header.append(columns_row(lead, 6))
        keys = [f"carry_start_{fund}", f"income_{fund}", fund, f"{fund}_basic", f"{fund}_project", f"carry_end_{fund}"]
        roots = led.shown([fund, f"income_{fund}", f"carry_start_{fund}", f"carry_end_{fund}"])
        total = total_row("合计", [fig.carry_start[fund] or None, *(led.total(k) or None for k in keys[1:-1]), fig.carry_end[fund] or None], m, span=lead)
        blank = Money(m.thousands, "", m.unit)
        body = tree_rows(roots, self.namer, keys, [m if led.total(k) else blank for k in keys], split=split)
        rows = [total] + body
        return [Grid(header, rows, cols=self.code_cols(split, 11) + [29] + [10] * 6, cls="tree wide")]

    def gov_fund(self) -> list[Grid]:
        return self._fund_table("gov_fund", "gov_fund")

    def state_capital(self) -> list[Grid]:
        """公开08表: the national 支出 layout (合计/基本/项目), or with ``carry: true`` the 收入支出 layout of 公开07表."""
        if self.opt("state_capital", "carry", False):
            return self._fund_table("state_capital", "state_capital")
        m, led = self.money_for("state_capital"), self.fig.ledger
        split = self.split("state_capital")
        lead = code_width(split) + 1
        header = [
            head(Cell("项目", colspan=lead), Cell("本年支出", colspan=3)),
            head(
                Cell("功能分类科目编码", colspan=lead - 1),
                Cell("科目名称", rowspan=2),
                Cell("合计", rowspan=2),
                Cell("基本支出", rowspan=2),
                Cell("项目支出", rowspan=2),
            ),
            self.code_parts_row(split),
        ]
        if self.numbered("state_capital"):
            header.append(columns_row(lead, 3))
        keys = ["state_capital", "state_capital_basic", "state_capital_project"]
        body = tree_rows(led.shown(keys[:1]), self.namer, keys, m, split=split)
        total = total_row("合计", [led.total(k) or None for k in keys], m)
        return [Grid(header, [total] + body, cols=[14, 38, 16, 16, 16], cls="tree wide")]

    # 公开09表 财政拨款“三公”经费支出决算表 -----------------------------------------------------------
    def three_public(self) -> list[Grid]:
        """Budget and actual of each item: in two blocks (预算数 | 决算数) or, with ``paired: true``, side by side per item."""
        m, tp = self.money_for("three_public"), self.fig.three_public
        if self.opt("three_public", "paired", False):
            names = [("合计", 2), ("因公出国（境）费", 2), ("公务用车购置及运行维护费", 6), ("公务接待费", 2)]
            header = [
                head(Cell("财政拨款“三公”经费", colspan=12)),
                head(*[Cell(n, colspan=w) for n, w in names]),
                head(
                    Cell("", colspan=4), Cell("小计", colspan=2), Cell("公务用车购置费", colspan=2), Cell("公务用车运行维护费", colspan=2), Cell("", colspan=2)
                ),
                head(*["预算数", "决算数"] * 6),
            ]
            row = [m.cell(getattr(side, k)) for k in THREE_PUBLIC for side in (tp.budget, tp.actual)]
            return [Grid(header, [row], cols=[1] * 12, cls="wide")]
        half = [Cell("合计", rowspan=2), Cell("因公出国（境）费", rowspan=2), Cell("公务用车购置及运行费", colspan=3), Cell("公务接待费", rowspan=2)]
        header = [
            head(Cell("预算数", colspan=6), Cell("决算数", colspan=6)),
            head(*half, *half),
            head("小计", "公务用车购置费", "公务用车运行费", "小计", "公务用车购置费", "公务用车运行费"),
            head(*[str(i + 1) for i in range(12)]),
        ]
        row = [m.cell(getattr(tp.budget, k)) for k in THREE_PUBLIC] + [m.cell(getattr(tp.actual, k)) for k in THREE_PUBLIC]
        return [Grid(header, [row], cols=[1] * 12, cls="wide")]


# 附件: self-evaluation forms (整体/项目绩效自评表) and the 重点工作 table --------------------------------
CHOICES = {
    "category": ["部门预算项目", "区级专项", "专项转移支付项目"],
    "attribute": ["持续性项目", "新增性项目"],
    "kind": ["常年性项目", "延续性项目", "一次性项目"],
}
SCORE_HEAD = ("年初目标值（A）", "实际完成值（B）", "得分")
CHOICE_LABELS = {"category": "项目类别", "attribute": "项目属性", "kind": "项目类型"}
"""A 项目绩效自评表's tick-box rows: field → label."""


def choices(options: list[str], chosen: str) -> str:
    """1、部门预算项目□ 2、区级专项■ …: the form's tick boxes with the chosen one filled."""
    listed = options if chosen in options else options + [chosen]
    return " ".join(f"{number('arabic_dun', i + 1)}{o}{'■' if o == chosen else '□'}" for i, o in enumerate(listed))


def execution_rows(evaluation: Evaluation, whole_label: str) -> list[list[Cell]]:
    e, w = evaluation.execution, fmt_points(evaluation.weight)
    return [
        [
            Cell(f"预算执行情况（万元）（{w}分）", rowspan=2, cls="name"),
            Cell(whole_label, rowspan=2),
            Cell("预算数（A）"),
            Cell("执行数（B）"),
            Cell("执行率（B/A）"),
            Cell(f"得分（{w}分*执行率）", colspan=2),
        ],
        [
            amount_cell(e.budget),
            amount_cell(e.actual),
            num(FORM_MONEY.share(e.actual, e.budget)),
            Cell(fmt_points(evaluation.execution_score), colspan=2, cls="num"),
        ],
    ]


def closing_rows(evaluation: Evaluation, deviation: str, improvement: str) -> list[list[Cell]]:
    return [
        [label("总分"), Cell(fmt_points(evaluation.total), colspan=6)],
        [label("偏差大或目标未完成原因分析"), Cell(deviation, colspan=6, cls="text")],
        [label("改进措施及结果应用方案"), Cell(improvement, colspan=6, cls="text")],
    ]


def indicator_cells(ind: ScoredIndicator, with_level1: bool = True) -> list[Cell]:
    cells = [Cell(ind.level1)] if with_level1 else []
    return cells + [Cell(ind.level2), Cell(ind.level3, cls="text"), Cell(ind.target, cls="text"), Cell(ind.actual, cls="text"), num(fmt_points(ind.score))]


def whole_evaluation_grids(report: FinalReport, fig: FinalFigures) -> list[Grid]:
    """整体绩效自评表: execution of the whole department's budget, then each yearly goal with its indicators."""
    form, evaluation = report.whole_evaluation, fig.whole
    if form is None or evaluation is None:
        return []
    rows = [
        [label("单位名称"), Cell(report.department.name, colspan=6)],
        [
            label("基本支出总额"),
            Cell(fmt_amount(fig.basic), colspan=2, cls="num"),
            Cell("项目支出总额", colspan=2, cls="name"),
            Cell(fmt_amount(fig.project), colspan=2, cls="num"),
        ],
    ]
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
        rows = [
            [label("项目名称"), Cell(p.name, colspan=6)],
            [label("主管部门"), Cell(p.manager, colspan=2), Cell("项目实施单位", colspan=2, cls="name"), Cell(p.executor, colspan=2)],
        ]
        for key, title in CHOICE_LABELS.items():
            rows.append([label(title), Cell(choices(list(options.get(key, CHOICES[key])), getattr(p, key)), colspan=6, cls="text")])
        rows += execution_rows(evaluation, "年度财政资金总额")
        count = sum(len(g.indicators) for g in evaluation.groups)
        rows.append(
            [
                Cell(f"年度绩效目标（{fmt_points(evaluation.goals_weight)}分）", rowspan=count + 1, cls="name"),
                *head("一级指标", "二级指标", "具体指标名称", *SCORE_HEAD),
            ]
        )
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
    rows = [
        [Cell(str(i + 1)), Cell(names[i] if i < len(names) else k.title), Cell(tidy(k.table_content), cls="text"), Cell(k.status)]
        for i, k in enumerate(report.key_work)
    ]
    return [Grid([head("序号", "重要事项", "工作内容及目标", "完成情况")], rows, cols=[7, 15, 64, 14], cls="form")] if rows else []
