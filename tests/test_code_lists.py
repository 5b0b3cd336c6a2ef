"""The shipped code lists (generator/codes/*.yaml): complete for the codes our data and the reports we
have seen print, valid in the year that prints them, with the national name of that year."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterator

import pytest
from ruamel.yaml import YAML

from generator.codes import load, parent

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SHARED = ROOT.parent / "shared"
YEARS = range(2015, 2027)
CODE = re.compile(r"[23]\d\d(?:\d\d){0,2}")

# Every classification code printed next to its name in the seed reports and the Shanghai samples, checked by
# hand: {file under ../shared: (report year, "code national-name; ...")}. The name is the national name of
# that year; where the report prints another (000 prints 201 一般公共服务 and 2010301 行政运行（政府办公厅）,
# 004 prints 维修(护)费), the report's data overrides it in names:. Split codes (“201 13 01”) are joined.
PRINTED: dict[str, tuple[int, str]] = {
    # 江汉区政府办 2020 年部门预算
    "seeds/000_457356a9f160bfb1.txt": (2020, """
        201 一般公共服务支出; 20103 政府办公厅（室）及相关机构事务; 2010301 行政运行; 2010302 一般行政管理事务; 2010399 其他政府办公厅（室）及相关机构事务支出;
        203 国防支出; 204 公共安全支出; 205 教育支出; 206 科学技术支出; 207 文化旅游体育与传媒支出; 208 社会保障和就业支出; 20805 行政事业单位养老支出;
        2080501 行政单位离退休; 2080505 机关事业单位基本养老保险缴费支出; 2080599 其他行政事业单位养老支出; 210 卫生健康支出; 21011 行政事业单位医疗;
        2101101 行政单位医疗; 2101103 公务员医疗补助; 21099 其他卫生健康支出; 2109901 其他卫生健康支出; 211 节能环保支出; 212 城乡社区支出;
        213 农林水支出; 214 交通运输支出; 215 资源勘探工业信息等支出; 216 商业服务业等支出; 217 金融支出; 219 援助其他地区支出; 220 自然资源海洋气象等支出;
        221 住房保障支出; 22102 住房改革支出; 2210201 住房公积金; 2210202 提租补贴; 222 粮油物资储备支出; 224 灾害防治及应急管理支出; 227 预备费;
        229 其他支出; 230 转移性支出; 231 债务还本支出; 232 债务付息支出; 233 债务发行费用支出; 301 工资福利支出; 30101 基本工资; 30102 津贴补贴;
        30103 奖金; 30108 机关事业单位基本养老保险缴费; 30110 职工基本医疗保险缴费; 30111 公务员医疗补助缴费; 30112 其他社会保障缴费; 30113 住房公积金;
        302 商品和服务支出; 30201 办公费; 30213 维修（护）费; 30215 会议费; 30216 培训费; 30217 公务接待费; 30229 福利费;
        30231 公务用车运行维护费; 30239 其他交通费用; 30299 其他商品和服务支出; 303 对个人和家庭的补助; 30302 退休费; 30307 医疗费补助;
        307 债务利息及费用支出; 309 资本性支出（基本建设）; 310 资本性支出; 311 对企业补助（基本建设）; 312 对企业补助; 313 对社会保障基金补助; 399 其他支出
    """),
    # 江岸区政府办 2023 年部门决算
    "seeds/002_031ec85276d4be28.txt": (2023, """
        201 一般公共服务支出; 20103 政府办公厅（室）及相关机构事务; 2010301 行政运行; 2010302 一般行政管理事务; 208 社会保障和就业支出;
        20805 行政事业单位养老支出; 2080505 机关事业单位基本养老保险缴费支出; 2080506 机关事业单位职业年金缴费支出; 20808 抚恤; 2080801 死亡抚恤;
        2089999 其他社会保障和就业支出; 210 卫生健康支出; 21011 行政事业单位医疗; 2101101 行政单位医疗; 2101103 公务员医疗补助;
        2101199 其他行政事业单位医疗支出; 213 农林水支出; 21305 巩固脱贫衔接乡村振兴; 2130599 其他巩固脱贫衔接乡村振兴支出; 221 住房保障支出;
        22102 住房改革支出; 2210201 住房公积金; 2210202 提租补贴; 2210203 购房补贴; 301 工资福利支出; 30101 基本工资; 30102 津贴补贴;
        30103 奖金; 30106 伙食补助费; 30107 绩效工资; 30108 机关事业单位基本养老保险缴费; 30109 职业年金缴费; 30110 职工基本医疗保险缴费;
        30111 公务员医疗补助缴费; 30112 其他社会保障缴费; 30113 住房公积金; 30114 医疗费; 30199 其他工资福利支出; 302 商品和服务支出; 30201 办公费;
        30202 印刷费; 30203 咨询费; 30204 手续费; 30205 水费; 30206 电费; 30207 邮电费; 30208 取暖费; 30209 物业管理费; 30211 差旅费;
        30212 因公出国（境）费用; 30213 维修（护）费; 30214 租赁费; 30215 会议费; 30216 培训费; 30217 公务接待费; 30218 专用材料费;
        30224 被装购置费; 30225 专用燃料费; 30226 劳务费; 30227 委托业务费; 30228 工会经费; 30229 福利费; 30231 公务用车运行维护费;
        30239 其他交通费用; 30240 税金及附加费用; 30299 其他商品和服务支出; 303 对个人和家庭的补助; 30301 离休费; 30302 退休费; 30303 退职（役）费;
        30304 抚恤金; 30305 生活补助; 30306 救济费; 30307 医疗费补助; 30308 助学金; 30309 奖励金; 30310 个人农业生产补贴; 30311 代缴社会保险费;
        30399 其他对个人和家庭的补助; 307 债务利息及费用支出; 30701 国内债务付息; 30703 国内债务发行费用; 310 资本性支出; 31002 办公设备购置;
        31003 专用设备购置; 31007 信息网络及软件购置更新; 31013 公务用车购置; 31019 其他交通工具购置; 31021 文物和陈列品购置; 31022 无形资产购置;
        31099 其他资本性支出; 312 对企业补助; 31204 费用补贴; 31299 其他对企业补助; 399 其他支出; 39908 对民间非营利组织和群众性自治组织补贴
    """),
    # 新洲区政府办 2023 年部门预算
    "seeds/004_bfe413efcf6bfe76.txt": (2023, """
        201 一般公共服务支出; 20103 政府办公厅（室）及相关机构事务; 2010301 行政运行; 208 社会保障和就业支出; 20805 行政事业单位养老支出;
        2080505 机关事业单位基本养老保险缴费支出; 210 卫生健康支出; 21011 行政事业单位医疗; 2101103 公务员医疗补助; 221 住房保障支出; 22102 住房改革支出;
        2210201 住房公积金; 2210202 提租补贴; 301 工资福利支出; 30101 基本工资; 30102 津贴补贴; 30103 奖金; 30107 绩效工资;
        30108 机关事业单位基本养老保险缴费; 30110 职工基本医疗保险缴费; 30111 公务员医疗补助缴费; 30112 其他社会保障缴费; 30113 住房公积金;
        30199 其他工资福利支出; 302 商品和服务支出; 30201 办公费; 30202 印刷费; 30204 手续费; 30205 水费; 30206 电费; 30207 邮电费;
        30208 取暖费; 30209 物业管理费; 30211 差旅费; 30213 维修（护）费; 30214 租赁费; 30215 会议费; 30216 培训费; 30226 劳务费;
        30227 委托业务费; 30228 工会经费; 30229 福利费; 30231 公务用车运行维护费; 30239 其他交通费用; 30299 其他商品和服务支出; 303 对个人和家庭的补助;
        30301 离休费; 30305 生活补助; 30307 医疗费补助; 30399 其他对个人和家庭的补助
    """),
    # 部门决算模板（附件2）2024
    "samples/national-final-template-2024.txt": (2024, """
        205 教育支出; 20502 普通教育; 2050205 高等教育; 207 文化旅游体育与传媒支出; 20799 其他文化旅游体育与传媒支出; 301 工资福利支出; 30101 基本工资;
        30102 津贴补贴; 30103 奖金; 30106 伙食补助费; 30107 绩效工资; 30108 机关事业单位基本养老保险缴费; 30109 职业年金缴费;
        30110 职工基本医疗保险缴费; 30111 公务员医疗补助缴费; 30112 其他社会保障缴费; 30113 住房公积金; 30114 医疗费; 30199 其他工资福利支出;
        302 商品和服务支出; 30201 办公费; 30202 印刷费; 30203 咨询费; 30204 手续费; 30205 水费; 30206 电费; 30207 邮电费; 30208 取暖费;
        30209 物业管理费; 30211 差旅费; 30212 因公出国（境）费用; 30213 维修（护）费; 30214 租赁费; 30215 会议费; 30216 培训费;
        30217 公务接待费; 30218 专用材料费; 30224 被装购置费; 30225 专用燃料费; 30226 劳务费; 30227 委托业务费; 30228 工会经费; 30229 福利费;
        30231 公务用车运行维护费; 30239 其他交通费用; 30240 税金及附加费用; 30299 其他商品和服务支出; 303 对个人和家庭的补助; 30301 离休费; 30302 退休费;
        30303 退职（役）费; 30304 抚恤金; 30305 生活补助; 30306 救济费; 30307 医疗费补助; 30308 助学金; 30309 奖励金; 30310 个人农业生产补贴;
        30311 代缴社会保险费; 30399 其他对个人和家庭的补助; 310 资本性支出; 31001 房屋建筑物购建; 31002 办公设备购置; 31003 专用设备购置;
        31007 信息网络及软件购置更新; 31013 公务用车购置; 31019 其他交通工具购置; 31021 文物和陈列品购置; 31022 无形资产购置; 31099 其他资本性支出
    """),
    # 普陀区财政局 2024 年度部门决算（“201 06 01”分列，名称在上一行）
    "samples/putuo-finance-2024-final.txt": (2024, """
        201 一般公共服务支出; 20106 财政事务; 2010601 行政运行; 2010602 一般行政管理事务; 2010607 信息化建设; 2010608 财政委托业务支出;
        208 社会保障和就业支出; 20805 行政事业单位养老支出; 2080501 行政单位离退休; 2080505 机关事业单位基本养老保险缴费支出; 2080506 机关事业单位职业年金缴费支出;
        2080599 其他行政事业单位养老支出; 210 卫生健康支出; 21011 行政事业单位医疗; 2101101 行政单位医疗; 221 住房保障支出; 22102 住房改革支出;
        2210201 住房公积金; 2210203 购房补贴; 301 工资福利支出; 30101 基本工资; 30102 津贴补贴; 30103 奖金; 30106 伙食补助费; 30107 绩效工资;
        30108 机关事业单位基本养老保险缴费; 30109 职业年金缴费; 30110 职工基本医疗保险缴费; 30111 公务员医疗补助缴费; 30112 其他社会保障缴费; 30113 住房公积金;
        30114 医疗费; 30199 其他工资福利支出; 302 商品和服务支出; 30224 被装购置费; 303 对个人和家庭的补助; 30301 离休费; 30302 退休费;
        30303 退职（役）费; 30304 抚恤金; 30305 生活补助; 30307 医疗费补助; 30308 助学金; 30309 奖励金; 30310 个人农业生产补贴;
        30311 代缴社会保险费; 30399 其他对个人和家庭的补助; 310 资本性支出
    """),
    # 普陀区规划资源局 2024 年度部门决算
    "samples/putuo-planning-2024-final.txt": (2024, """
        208 社会保障和就业支出; 20805 行政事业单位养老支出; 2080501 行政单位离退休; 2080502 事业单位离退休; 2080505 机关事业单位基本养老保险缴费支出;
        2080506 机关事业单位职业年金缴费支出; 2080599 其他行政事业单位养老支出; 210 卫生健康支出; 21011 行政事业单位医疗; 2101101 行政单位医疗;
        2101102 事业单位医疗; 212 城乡社区支出; 21201 城乡社区管理事务; 2120101 行政运行; 21202 城乡社区规划与管理; 2120201 城乡社区规划与管理;
        220 自然资源海洋气象等支出; 22001 自然资源事务; 2200150 事业运行; 2200199 其他自然资源事务支出; 221 住房保障支出; 22102 住房改革支出;
        2210201 住房公积金; 2210203 购房补贴; 301 工资福利支出; 30101 基本工资; 30102 津贴补贴; 30103 奖金; 30106 伙食补助费; 30107 绩效工资;
        30108 机关事业单位基本养老保险缴费; 30109 职业年金缴费; 30110 职工基本医疗保险缴费; 30111 公务员医疗补助缴费; 30112 其他社会保障缴费; 30113 住房公积金;
        30114 医疗费; 30199 其他工资福利支出; 302 商品和服务支出; 30201 办公费; 30202 印刷费; 30203 咨询费; 30204 手续费; 30205 水费;
        30206 电费; 30207 邮电费; 30208 取暖费; 30209 物业管理费; 30211 差旅费; 30212 因公出国（境）费用; 30213 维修（护）费; 30214 租赁费;
        30215 会议费; 30216 培训费; 30217 公务接待费; 30218 专用材料费; 30224 被装购置费; 30225 专用燃料费; 30226 劳务费; 30227 委托业务费;
        30228 工会经费; 30229 福利费; 30231 公务用车运行维护费; 30239 其他交通费用; 30240 税金及附加费用; 30299 其他商品和服务支出;
        303 对个人和家庭的补助; 30301 离休费; 30302 退休费; 30303 退职（役）费; 30304 抚恤金; 30305 生活补助; 30306 救济费; 30307 医疗费补助;
        30308 助学金; 30309 奖励金; 30310 个人农业生产补贴; 30311 代缴社会保险费; 30399 其他对个人和家庭的补助; 310 资本性支出; 31001 房屋建筑物购建;
        31002 办公设备购置; 31003 专用设备购置; 31007 信息网络及软件购置更新; 31013 公务用车购置; 31019 其他交通工具购置; 31021 文物和陈列品购置;
        31022 无形资产购置; 31099 其他资本性支出
    """),
    # 普陀区商务委 2025 年部门预算（“201 13 01”分列）
    "samples/putuo-commerce-2025-budget.txt": (2025, """
        201 一般公共服务支出; 20113 商贸事务; 2011301 行政运行; 2011302 一般行政管理事务; 2011350 事业运行; 2011399 其他商贸事务支出;
        206 科学技术支出; 20605 科技条件与服务; 2060503 科技条件专项; 208 社会保障和就业支出; 20805 行政事业单位养老支出; 2080501 行政单位离退休;
        2080502 事业单位离退休; 2080505 机关事业单位基本养老保险缴费支出; 2080506 机关事业单位职业年金缴费支出; 2080599 其他行政事业单位养老支出;
        210 卫生健康支出; 21011 行政事业单位医疗; 2101101 行政单位医疗; 2101102 事业单位医疗; 215 资源勘探工业信息等支出; 21508 支持中小企业发展和管理支出;
        2150899 其他支持中小企业发展和管理支出; 216 商业服务业等支出; 21699 其他商业服务业等支出; 2169999 其他商业服务业等支出; 221 住房保障支出;
        22102 住房改革支出; 2210201 住房公积金; 2210203 购房补贴; 301 工资福利支出; 30101 基本工资; 30102 津贴补贴; 30107 绩效工资;
        30108 机关事业单位基本养老保险缴费; 30109 职业年金缴费; 30110 职工基本医疗保险缴费; 30112 其他社会保障缴费; 30113 住房公积金; 30199 其他工资福利支出;
        302 商品和服务支出; 30201 办公费; 30202 印刷费; 30204 手续费; 30207 邮电费; 30211 差旅费; 30213 维修（护）费; 30216 培训费;
        30217 公务接待费; 30226 劳务费; 30227 委托业务费; 30228 工会经费; 30229 福利费; 30239 其他交通费用; 30299 其他商品和服务支出;
        303 对个人和家庭的补助; 30301 离休费; 30302 退休费; 310 资本性支出; 31002 办公设备购置
    """),
}


def printed() -> Iterator[tuple[str, int, str, str]]:
    for source, (year, table) in PRINTED.items():
        for item in table.replace("\n", " ").split(";"):
            code, name = item.split()
            yield source, year, code, name


def kind_of(code: str) -> str:
    return "economic" if code.startswith("3") else "function"


def data_codes(node: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Codes a data file uses: values of ``code`` keys and keys of ``names`` (not the declared ``codes:``)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if path == () and key in ("codes", "projects"):
                continue  # declared extra codes; projects' own form numbers
            if key == "code":
                yield path + (key,), str(value)
            elif key == "names" and isinstance(value, dict):
                for code in value:
                    yield path + (key, code), str(code)
            else:
                yield from data_codes(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from data_codes(value, path + (i,))


DATA_FILES = sorted(DATA.glob("*/*.yaml"))


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_data_codes_are_listed_and_valid(path: Path) -> None:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    year = int(data["year"])
    uses = list(data_codes(data))
    assert uses
    for where, code in uses:
        assert CODE.fullmatch(code), f"{where}: {code!r} is not a classification code"
        entry = load(kind_of(code)).get(code)
        assert entry is not None, f"{path.name} {where}: {code} not in the {kind_of(code)} list"
        assert entry.valid_in(year), f"{path.name} {where}: {code} not valid in {year}"


def test_printed_table_is_well_formed() -> None:
    rows = list(printed())
    assert len(rows) > 400
    for source, year, code, name in rows:
        assert CODE.fullmatch(code) and name, (source, code)
        assert 2018 <= year <= 2026


@pytest.mark.parametrize("source", sorted(PRINTED))
def test_printed_codes_are_listed_with_their_national_name(source: str) -> None:
    for _, year, code, name in (row for row in printed() if row[0] == source):
        entry = load(kind_of(code)).get(code)
        assert entry is not None, f"{source}: {code} {name} not in the list"
        assert entry.valid_in(year), f"{source}: {code} {name} not valid in {year}"
        assert entry.name_in(year) == name, f"{source}: {code} is {entry.name_in(year)!r} in {year}, not {name!r}"


@pytest.mark.parametrize("source", sorted(PRINTED))
def test_printed_codes_appear_in_their_source(source: str) -> None:
    """The table above really is what the texts print (needs ../shared; the table itself does not)."""
    path = SHARED / source
    if not path.is_file():
        pytest.skip(f"{path} is not in this checkout")
    text = path.read_text(encoding="utf-8")
    for _, _, code, _ in (row for row in printed() if row[0] == source):
        parts = [code[:3]] + [code[i : i + 2] for i in range(3, len(code), 2)]
        pattern = r"(?<![\d,.])" + " ?".join(parts) + r"(?![\d,.])"
        assert re.search(pattern, text), f"{code} not printed in {source}"


@pytest.mark.parametrize("kind", ["function", "economic"])
def test_entries_are_well_formed(kind: str) -> None:
    first = "2" if kind == "function" else "3"
    raw = YAML(typ="safe").load((ROOT / "generator" / "codes" / f"{kind}.yaml").read_text(encoding="utf-8"))["codes"]
    for code, fields in raw.items():
        assert isinstance(code, str) and CODE.fullmatch(code) and code.startswith(first), code
        assert set(fields) <= {"name", "desc", "since", "until", "renamed"}, code
        entry = load(kind).get(code)
        assert entry is not None and entry.name
        if entry.since is not None and entry.until is not None:
            assert entry.since <= entry.until, code
        for until, old in entry.renamed:
            assert old != entry.name, code
            assert entry.since is None or until >= entry.since, code
            assert entry.until is None or until < entry.until, code


@pytest.mark.parametrize("kind", ["function", "economic"])
def test_parents_exist_whenever_the_child_is_valid(kind: str) -> None:
    codes = load(kind)
    for code, entry in codes.entries.items():
        up = parent(code)
        if up is None:
            continue
        above = codes.get(up)
        assert above is not None, f"{code} {entry.name}: no {up} in the {kind} list"
        for year in YEARS:
            if entry.valid_in(year):
                assert above.valid_in(year), f"{code} valid in {year} but {up} is not"


def test_every_function_class() -> None:
    function = load("function")
    classes = {code for code in function.entries if len(code) == 3}
    want = {str(c) for c in (*range(201, 218), *range(219, 225), 227, *range(229, 235))}
    assert want <= classes, sorted(want - classes)
    for year in range(2019, 2027):
        assert function.get("224").valid_in(year)


def test_every_economic_class() -> None:
    economic = load("economic")
    classes = {code for code in economic.entries if len(code) == 3}
    assert classes == {"301", "302", "303", "307", "309", "310", "311", "312", "313", "399"}
    for code in ("30231", "30239", "30240", "31013", "31019", "31021", "31022", "39906", "39907", "39908", "39999"):
        assert economic.get(code) is not None, code


@pytest.mark.parametrize(
    "code, year, name",
    [
        ("210", 2018, "医疗卫生与计划生育支出"),
        ("210", 2019, "卫生健康支出"),
        ("210", 2024, "卫生健康支出"),
        ("21001", 2018, "医疗卫生与计划生育管理事务"),
        ("21001", 2019, "卫生健康管理事务"),
        ("207", 2018, "文化体育与传媒支出"),
        ("207", 2019, "文化旅游体育与传媒支出"),
        ("220", 2018, "国土海洋气象等支出"),
        ("220", 2024, "自然资源海洋气象等支出"),
        ("20805", 2019, "行政事业单位离退休"),
        ("20805", 2020, "行政事业单位养老支出"),
        ("2080501", 2019, "归口管理的行政单位离退休"),
        ("2080501", 2020, "行政单位离退休"),
        ("21305", 2020, "扶贫"),
        ("21305", 2021, "巩固脱贫衔接乡村振兴"),
        ("2130599", 2020, "其他扶贫支出"),
        ("2130599", 2023, "其他巩固脱贫衔接乡村振兴支出"),
    ],
)
def test_names_by_year(code: str, year: int, name: str) -> None:
    assert load("function").name(code, year) == name


@pytest.mark.parametrize(
    "code, valid, invalid",
    [
        ("2080505", [2015, 2018, 2026], [2014]),
        ("2080506", [2015, 2018, 2026], [2014]),
        ("2080504", [2018, 2019], [2020]),
        ("21005", [2017], [2018]),
        ("224", [2019, 2026], [2018]),
        ("20138", [2019, 2026], [2018]),
        ("20115", [2018], [2019]),
        ("20828", [2019, 2026], [2018]),
        ("21015", [2019, 2026], [2018]),
        ("234", [2020], [2019]),
    ],
)
def test_years_in_use(code: str, valid: list[int], invalid: list[int]) -> None:
    entry = load("function").get(code)
    assert entry is not None
    assert all(entry.valid_in(y) for y in valid)
    assert not any(entry.valid_in(y) for y in invalid)


# Structure of the lists as a whole: the hierarchy, the years, the names.

FUNCTION_LENGTHS = {3, 5, 7}
ECONOMIC_LENGTHS = {3, 5}
FIRST, LAST = YEARS.start, YEARS.stop - 1


@pytest.mark.parametrize("kind, lengths", [("function", FUNCTION_LENGTHS), ("economic", ECONOMIC_LENGTHS)])
def test_codes_have_the_lengths_of_their_levels(kind: str, lengths: set[int]) -> None:
    for code in load(kind).entries:
        assert code.isdigit() and len(code) in lengths, f"{kind}: {code!r}"


@pytest.mark.parametrize("kind", ["function", "economic"])
def test_every_child_has_a_parent_of_the_level_above(kind: str) -> None:
    codes = load(kind)
    for code in codes.entries:
        up = parent(code)
        if up is not None:
            assert len(up) == len(code) - 2 and codes.get(up) is not None, f"{code}: no {up}"


@pytest.mark.parametrize("kind", ["function", "economic"])
def test_children_are_declared_within_their_parents_years(kind: str) -> None:
    """A 项 is never valid outside its 款's years, nor a 款 outside its 类's: in the declared bounds, not only
    in the years the tests look at."""
    codes = load(kind)
    for code, entry in codes.entries.items():
        up = parent(code)
        if up is None:
            continue
        above = codes.entries[up]
        if above.since is not None:
            assert entry.since is not None and entry.since >= above.since, f"{code} from {entry.since}, {up} from {above.since}"
        if above.until is not None:
            assert entry.until is not None and entry.until <= above.until, f"{code} to {entry.until}, {up} to {above.until}"
        for year in YEARS:
            if not above.valid_in(year):
                assert not entry.valid_in(year), f"{code} valid in {year}, {up} is not"


@pytest.mark.parametrize("kind", ["function", "economic"])
def test_names_are_non_empty_in_every_year(kind: str) -> None:
    for code, entry in load(kind).entries.items():
        for year in YEARS:
            name = entry.name_in(year)
            assert name and name == name.strip() and "\n" not in name, f"{code} in {year}: {name!r}"
        assert entry.desc is None or entry.desc.strip(), code


@pytest.mark.parametrize("kind", ["function", "economic"])
def test_years_lie_within_the_lists_range(kind: str) -> None:
    for code, entry in load(kind).entries.items():
        for year in (entry.since, entry.until):
            assert year is None or FIRST <= year <= LAST, f"{code}: {year}"
        for until, old in entry.renamed:
            assert FIRST <= until <= LAST, f"{code}: renamed until {until}"
            assert old.strip(), code
        years = [until for until, _ in entry.renamed]
        assert len(set(years)) == len(years), f"{code}: two names end in the same year"
        assert any(entry.valid_in(year) for year in YEARS), f"{code} is valid in no year"


def test_standard_items_have_their_standard_numbers() -> None:
    """行政运行 is always 01, 一般行政管理事务 02, 机关服务 03, 事业运行 50 (21301 农业农村 has 事业运行 04); the
    99 item of a 款 is its 其他…; and a 款 with 行政运行 has the other standard items too."""
    function = load("function")
    numbers = {"行政运行": "01", "一般行政管理事务": "02", "机关服务": "03", "事业运行": "50"}
    exceptions = {"2130104"}
    for code, entry in function.entries.items():
        if len(code) != 7:
            continue
        if entry.name in numbers and code not in exceptions:
            assert code[5:] == numbers[entry.name], f"{code} {entry.name}"
        if code.endswith("99"):
            assert "其他" in entry.name, f"{code} {entry.name}"
        if code.endswith("01") and entry.name == "行政运行":
            for number in ("02", "03", "99"):
                sibling = function.get(code[:5] + number)
                assert sibling is not None, f"{code[:5]} has 行政运行 but no {code[:5]}{number}"
                assert all(sibling.valid_in(y) for y in YEARS if entry.valid_in(y)), f"{code[:5]}{number}"


def test_standard_items_have_the_standard_description() -> None:
    function = load("function")
    first = {name: function.get("2010101" if name != "事业运行" else "2010150").desc
             for name in ("行政运行", "事业运行")}
    for code, entry in function.entries.items():
        if len(code) == 7 and entry.name in first and code != "2130104":
            assert entry.desc == first[entry.name], code


def test_every_class_has_its_kuan() -> None:
    """Every 类 but 227 预备费 and those a department does not spend from directly has 款."""
    function = load("function")
    without = {"209", "227", "230", "234"}
    for code in (c for c in function.entries if len(c) == 3):
        kuan = [k for k in function.entries if len(k) == 5 and k.startswith(code)]
        assert bool(kuan) == (code not in without), code
        for year in YEARS:
            if function.get(code).valid_in(year) and code not in without:
                assert any(function.get(k).valid_in(year) for k in kuan), f"{code} has no 款 in {year}"


# The codes a district department of each kind uses for its own running: present, valid from 2019 on (after the
# 2018 institutional reform) and under the 款 the department's spending belongs to.
DEPARTMENTS: dict[str, list[str]] = {
    "教育局": ["2050101", "2050102", "2050199", "2050201", "2050202", "2050203", "2050204", "2050205", "2050302",
               "2050701", "2050801", "2050803", "2050901", "2059999"],
    "卫生健康委": ["2100101", "2100102", "2100199", "2100201", "2100202", "2100301", "2100302", "2100401",
                 "2100402", "2100403", "2100408", "2100409", "2100716", "2100717", "2101601"],
    "民政局": ["2080201", "2080202", "2080206", "2080207", "2080208", "2080299", "2081001", "2081002", "2081004",
               "2081006", "2081901", "2082001", "2082101", "2082501"],
    "住房和城乡建设局": ["2120101", "2120102", "2120105", "2120106", "2120201", "2120303", "2120501", "2210103",
                   "2210105", "2210106", "2210108", "2210302"],
    "农业农村局": ["2130101", "2130102", "2130104", "2130106", "2130108", "2130109", "2130122", "2130153",
                 "2130301", "2130314", "2130505", "2130705"],
    "交通运输局": ["2140101", "2140102", "2140104", "2140106", "2140110", "2140199", "2149901"],
    "文化和旅游局": ["2070101", "2070102", "2070104", "2070108", "2070109", "2070112", "2070113", "2070204"],
    "体育局": ["2070301", "2070302", "2070305", "2070307", "2070308", "2070399"],
    "公安分局": ["2040201", "2040202", "2040219", "2040220", "2040299"],
    "司法局": ["2040601", "2040602", "2040604", "2040605", "2040607", "2040610", "2040612", "2040699"],
    "市场监督管理局": ["2013801", "2013802", "2013804", "2013805", "2013808", "2013812", "2013899"],
    "城市管理局": ["2120101", "2120104", "2120199", "2120501"],
    "应急管理局": ["2240101", "2240102", "2240104", "2240106", "2240108", "2240199", "2240601"],
    "自然资源局": ["2200101", "2200102", "2200104", "2200150", "2200199", "2120801", "2120802"],
    "财政局": ["2010601", "2010602", "2010605", "2010607", "2010608", "2010650", "2010699"],
    "发展和改革局": ["2010401", "2010402", "2010404", "2010408", "2010499"],
    "人力资源和社会保障局": ["2080101", "2080102", "2080105", "2080106", "2080109", "2080112", "2080116",
                     "2080701", "2080702", "2130804"],
    "退役军人事务局": ["2082801", "2082802", "2082804", "2082899", "2080801", "2080802", "2080901", "2080905"],
    "统计局": ["2010501", "2010502", "2010505", "2010507", "2010508", "2010599"],
    "审计局": ["2010801", "2010802", "2010804", "2010899"],
    "医疗保障局": ["2101501", "2101502", "2101505", "2101506", "2101301", "2101201", "2101202"],
    "生态环境分局": ["2110101", "2110104", "2110301", "2110302", "2110401", "2111101"],
    "商务局": ["2011301", "2011308", "2160201", "2169999"],
    "信访局": ["2010308"],
    "机关通用": ["2080501", "2080502", "2080505", "2080506", "2080599", "2101101", "2101102", "2101103",
             "2210201", "2210202", "2210203"],
}


@pytest.mark.parametrize("department", sorted(DEPARTMENTS))
def test_district_departments_need_not_declare_codes(department: str) -> None:
    function = load("function")
    for code in DEPARTMENTS[department]:
        entry = function.get(code)
        assert entry is not None, f"{department}: {code} not in the list"
        for year in range(2019, 2027):
            if code == "2010308" and year >= 2024:
                continue  # from 2024 信访 has its own 款 20140
            assert entry.valid_in(year), f"{department}: {code} {entry.name} not valid in {year}"


@pytest.mark.parametrize(
    "code, year, name",
    [
        ("2050201", 2018, "学前教育"),
        ("2050201", 2026, "学前教育"),
        ("20502", 2024, "普通教育"),
        ("2100101", 2018, "行政运行"),
        ("2100101", 2024, "行政运行"),
        ("2100401", 2023, "疾病预防控制机构"),
        ("2120104", 2022, "城管执法"),
        ("2120501", 2022, "城乡社区环境卫生"),
        ("2240101", 2019, "行政运行"),
        ("22401", 2024, "应急管理事务"),
        ("2070112", 2018, "文化市场管理"),
        ("2070112", 2019, "文化和旅游市场管理"),
        ("2080208", 2024, "基层政权建设和社区治理"),
        ("2013812", 2024, "食品安全监管"),
        ("2240505", 2020, "地震预测预报"),
    ],
)
def test_well_known_items_by_year(code: str, year: int, name: str) -> None:
    function = load("function")
    assert function.get(code).valid_in(year), (code, year)
    assert function.name(code, year) == name


def test_administration_items_sit_under_the_renamed_kuan() -> None:
    function = load("function")
    assert function.name(parent("2100101"), 2018) == "医疗卫生与计划生育管理事务"
    assert function.name(parent("2100101"), 2019) == "卫生健康管理事务"
    assert function.name(parent(parent("2100101")), 2018) == "医疗卫生与计划生育支出"
    assert function.name(parent("2240101"), 2019) == "应急管理事务"


@pytest.mark.parametrize(
    "code, valid, invalid",
    [
        ("2240101", [2019, 2026], [2018]),
        ("2240501", [2019, 2026], [2018]),
        ("2013801", [2019, 2026], [2018]),
        ("20139", [2024, 2026], [2023]),
        ("2014001", [2024, 2026], [2023]),
        ("20110", [2018], [2019]),
        ("2080204", [2018], [2019]),
        ("2080116", [2019, 2026], [2018]),
        ("21605", [2018], [2019]),
        ("2070113", [2019], [2018]),
        ("2050201", [2015, 2018, 2026], []),
    ],
)
def test_more_years_in_use(code: str, valid: list[int], invalid: list[int]) -> None:
    entry = load("function").get(code)
    assert entry is not None
    assert all(entry.valid_in(y) for y in valid)
    assert not any(entry.valid_in(y) for y in invalid)


def test_economic_classes_are_complete() -> None:
    economic = load("economic")
    want = {
        "301": "01 02 03 06 07 08 09 10 11 12 13 14 99",
        "302": "01 02 03 04 05 06 07 08 09 11 12 13 14 15 16 17 18 24 25 26 27 28 29 31 39 40 99",
        "303": "01 02 03 04 05 06 07 08 09 10 11 99",
        "307": "01 02 03 04",
        "309": "01 02 03 05 06 07 08 13 19 21 22 99",
        "310": "01 02 03 05 06 07 08 09 10 11 12 13 19 21 22 99",
        "311": "01 99",
        "312": "01 03 04 05 99",
        "313": "02 03",
        "399": "06 07 08 99",
    }
    for cls, numbers in want.items():
        for number in numbers.split():
            assert economic.get(cls + number) is not None, cls + number
    assert economic.name("31302", 2024) == "对社会保险基金补助"
