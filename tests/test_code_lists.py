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
