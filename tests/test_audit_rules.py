"""The audit's rules on printed figures, on the errors found by hand in the seed reports (domain.md §C)."""

from __future__ import annotations

from decimal import Decimal

from generator.audit.causes import growth_cause
from generator.audit.numbers import Shown, Span, reaches, shown

D = Decimal


def _s(text: str) -> Shown:
    figure = shown(text)
    assert figure is not None
    return figure


def _growth(change: str, current: str) -> tuple[Span, Span, Span]:
    """The growth a change of ``change`` on this year's ``current`` implies (both as printed): rate, change, this year."""
    d, c = shown(change), shown(current)
    assert d is not None and c is not None
    rate = d.span.percent_of(c.span - d.span)
    assert rate is not None
    return rate, d.span, c.span


def test_a_figure_stands_for_every_value_that_rounds_to_it() -> None:
    assert reaches(shown("2.07%"), Span.exact(D("60.99")).percent_of(Span.exact(D("2940.05"))))  # 2.0745…%
    assert not reaches(shown("2.08%"), Span.exact(D("60.99")).percent_of(Span.exact(D("2940.05"))))
    assert reaches(shown("26%"), Span.exact(D("25.5")))  # an integer percentage stands for 25.5 … 26.49…
    # 2940.05 printed as the total of 项 printed 2106.66 + 326.72 + 60.99 + 445.69 = 2940.06: rounding, not an error
    parts = sum((_s(x).span for x in ("2106.66", "326.72", "60.99", "445.69")), Span.exact(D(0)))
    assert reaches(shown("2940.05"), parts)
    assert not reaches(shown("2940.15"), parts)


def test_growth_over_this_year_is_named() -> None:
    # seed 000: 项目支出 1257.2, 增加 742.2, 增长 59% (742.2 / 1257.2); right: 742.2 / 515.00 = 144.12%
    rate, change, current = _growth("742.20", "1257.20")
    assert reaches(shown("144.12%"), rate)
    assert not reaches(shown("59.04%"), rate)
    assert "本年数" in growth_cause(_s("59.04%"), rate, change, current)


def test_a_ratio_printed_as_a_percentage_is_named() -> None:
    # seed 002: 收、支总计 2019.84, 增加 73.61, "增长 0.04%": 73.61 / 1946.23 = 3.78%
    rate, change, current = _growth("73.61", "2019.84")
    assert reaches(shown("3.78%"), rate)
    assert "100" in growth_cause(_s("0.04%"), rate, change, current)


def test_a_truncated_rate_is_named() -> None:
    # seed 004: 减少 124.81 on 1597.66 (last year 1722.47): 7.2460% printed as 7.24%
    d, c = shown("124.81"), shown("1597.66")
    assert d is not None and c is not None
    rate = d.span.percent_of(c.span + d.span)
    assert rate is not None and reaches(shown("7.25%"), rate)
    assert "截" in growth_cause(_s("7.24%"), rate, d.span, c.span)


def test_a_sentence_reads_with_either_comma_and_either_bi() -> None:
    """Published reports mix full-width and ASCII marks, and write 较 for 比 (seed 000: "较 2019 年预算增加 742.2 万元，增长 59%")."""
    from generator.ingest.sentences import compile_template

    pattern, names = compile_template("比{prev_year}年预算增加{change}万元，增长{rate}%。", {"prev_year": "2019"}, {"change", "rate"})
    for printed in ("较2019年预算增加742.2万元，增长59%。", "比2019年预算增加742.2万元,增长59%;"):
        m = pattern.search(printed)
        assert m is not None, printed
        assert dict(zip(names, m.groups()))["change"] == "742.2"
    assert pattern.search("比2018年预算增加742.2万元，增长59%。") is None  # known words still bind


def test_a_list_item_with_two_figures_is_split_at_its_comma() -> None:
    """Seed 004's 机关运行经费 items are joined by 、 but once by ，: "…40 万元，其他费用交通费 49.39 万元、…"."""
    from generator.audit.sentences import _pieces

    assert _pieces("办公费24.82万元、公务用车运行维护费40万元，其他费用交通费49.39万元、其他10.36万元", "、") == [
        "办公费24.82万元",
        "公务用车运行维护费40万元",
        "其他费用交通费49.39万元",
        "其他10.36万元",
    ]
    assert _pieces("货物类11万元，服务类18万元", "，") == ["货物类11万元", "服务类18万元"]


def test_a_blank_figure_and_a_full_stop_before_the_reason_read() -> None:
    """Seed 004: "“三公”经费预算 万元，比 2022 年预算减少 0 万元"; seed 002: "…增加 0.04%。主要原因是…"."""
    from generator.ingest.sentences import Body, Spec, find

    spec = Spec("“三公”经费预算{tp.total}万元，{change.tp_total}[，主要原因是{why.tp_total}]。")
    numeric = {"tp.total"}
    for printed, fields, blank in (
        ("“三公”经费预算40.00万元，与上年持平。", {"tp.total": "40.00", "change.tp_total": "与上年持平"}, []),
        ("“三公”经费预算万元，比上年减少0万元，下降0%。", {"change.tp_total": "比上年减少0万元，下降0%"}, ["tp.total"]),
        ("“三公”经费预算40万元，比上年增加1万元，增加2.56%。主要原因是车辆更新。", {"tp.total": "40", "change.tp_total": "比上年增加1万元，增加2.56%", "why.tp_total": "车辆更新"}, []),
    ):
        found = list(find(Body(printed, [1] * len(printed)), spec, {}, numeric))
        assert [(f.fields, f.blank) for f in found] == [(fields, blank)], printed
    # a figure not followed by its unit is never read as blank
    spec = Spec("占{share.basic}，其中{basic}万元。")
    assert list(find(Body("占，其中万元。", [1] * 7), spec, {}, {"share.basic", "basic"})) == []


def test_a_full_stop_opens_a_reason_in_an_optional_clause() -> None:
    """Seed 002: "…完成年初预算的 106.36%。支出决算数大于年初预算数的主要原因是人员调整。" for the template's
    "，支出决算数{cmp}年初预算数的主要原因是{reason}"; a full stop anywhere else still ends the sentence."""
    from generator.ingest.sentences import compile_template

    item = "{name}年初预算为{initial}万元，支出决算为{actual}万元，{execution}[，支出决算数{cmp}年初预算数的主要原因是{reason}]。"
    pattern, names = compile_template(item, {"name": "住房保障支出"}, {"initial", "actual"})
    m = pattern.search("住房保障支出年初预算为167.02万元，支出决算为177.64万元，完成年初预算的106.36%。支出决算数大于年初预算数的主要原因是人员调整。")
    assert m is not None
    assert dict(zip(names, m.groups())) == {"initial": "167.02", "actual": "177.64", "execution": "完成年初预算的106.36%", "cmp": "大于", "reason": "人员调整"}
    assert pattern.search("住房保障支出年初预算为167.02万元。支出决算为177.64万元，完成年初预算的106.36%。") is None


def _form_rows(execution: list[str], groups: list[tuple[str, list[str]]], total: str) -> list[list[str | None]]:
    """A 项目绩效自评表 as pdfplumber reads our own: execution, the 年度绩效目标 groups, 总分."""
    rows: list[list[str | None]] = [
        ["项目名称", "乡村振兴对口帮扶专项资金", None, None, None, None, None],
        ["主管部门", "江岸区人民政府", None, "项目实施单位", None, "乡村振兴局", None],
        ["预算执行情况（万元）（20分）", "年度财政资金总额", "预算数（A）", "执行数（B）", "执行率（B/A）", "得分（20分*执行率）", None],
        [None, None, *execution, None],
        ["年度绩效目标（80分）", "一级指标", "二级指标", "具体指标名称", "年初目标值（A）", "实际完成值（B）", "得分"],
    ]
    for heading, scores in groups:
        for i, score in enumerate(scores):
            rows.append([None, heading if i == 0 else None, "二级", "指标", "目标", "完成", score])
    return rows + [["总分", total, None, None, None, None, None]]


def test_a_self_evaluation_form_as_printed() -> None:
    """Seed 002's 乡村振兴 form heads 满意度指标 "(10 分)" over an indicator scored 20 and 效益指标 "(30 分)" over
    10 + 10; its 整体 form prints 执行率 100% for 2019.84 ÷ 1397.58 = 144.52%. A correct form is no finding."""
    from generator.audit.forms import form_findings
    from generator.ingest.pdf import RawTable

    right = _form_rows(["500.00", "500.00", "100.00%", "20"], [("产出指标（40分）", ["10"] * 4), ("效益指标（20分）", ["10", "10"]), ("满意度指标（20分）", ["20"])], "100")
    assert form_findings([RawTable(31, 0, 100, right)]) == []
    published = _form_rows(["500", "500", "100%", "20"], [("产出指标（40分）", ["10"] * 4), ("效益指标（30分）", ["10", "10"]), ("满意度指标（10分）", ["20"])], "100")
    found = [(f.check, f.printed, f.expected) for f in form_findings([RawTable(31, 0, 100, published)])]
    assert found == [("分值", "满意度指标（10分）", "")]  # 总分 is not judged while a group exceeds its weight
    whole = _form_rows(["1397.58", "2019.84", "100%", "20"], [("产出指标（40分）", ["10"] * 4), ("效益指标（20分）", ["10", "10"]), ("满意度指标（20分）", ["20"])], "100")
    found = [(f.check, f.printed, f.expected) for f in form_findings([RawTable(31, 0, 100, whole)])]
    assert found == [("完成率", "100%", "145%")]  # printed to no decimals: 144.52% is 145%
    wrong = _form_rows(["500.00", "400.00", "80.00%", "20"], [("产出指标（40分）", ["10"] * 4), ("效益指标（20分）", ["10", "10"]), ("满意度指标（20分）", ["15"])], "100")
    found = [(f.check, f.printed, f.expected) for f in form_findings([RawTable(31, 0, 100, wrong)])]
    assert found == [("得分", "20", "16"), ("得分", "100", "95")]  # 20 × 80%; 20 + 40 + 20 + 15
    heads = _form_rows(["500.00", "500.00", "100.00%", "20"], [("产出指标（40分）", ["10"] * 4), ("效益指标（20分）", ["10", "10"]), ("满意度指标（10分）", ["10"])], "90")
    found = [(f.check, f.printed, f.expected) for f in form_findings([RawTable(31, 0, 100, heads)])]
    assert found == [("分值", "年度绩效目标（80分）", "70分")]
