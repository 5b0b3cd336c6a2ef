"""The YAML parser's syntax errors in Chinese: what went wrong and what to do about it."""

from __future__ import annotations

import re

MESSAGES: list[tuple[str, str]] = [
    (r"mapping values are not allowed", "此处不能出现“键: 值”：多半是缩进不对，或值里有“: ”（冒号加空格），请给这个值加上引号"),
    (r"could not find expected ':'", "缺少冒号：键和值之间应写成“键: 值”（冒号后加一个空格），或值中的引号没有配对"),
    (r"block sequence entries are not allowed", "此处不能出现列表项“- ”：请检查缩进，列表项应比上一级的键多缩进"),
    (r"expected <block end>, but found", "缩进不一致：同一层的键或列表项应左端对齐（只用空格缩进）"),
    (r"did not find expected key", "缩进不一致，或此处缺少键：同一层的键应左端对齐"),
    (r"did not find expected '-' indicator", "列表项“- ”的缩进不一致"),
    (r"found character '\\t'|found a tab character|'\t'", "不能用制表符（Tab）缩进，请改用空格"),
    (r"expected ',' or '\]'", "方括号 [ ] 没有闭合，或两项之间缺少逗号"),
    (r"expected ',' or '\}'", "花括号 { } 没有闭合，或两项之间缺少逗号"),
    (r"found unexpected end of stream", "文件意外结束：引号或括号没有闭合"),
    (r"found unknown escape character", "双引号中的反斜杠“\\”转义无效：文件路径等请改用单引号，或写成“/”"),
    (r"found undefined alias", "引用了没有定义的锚点（*名称）"),
    (r"found duplicate anchor", "锚点（&名称）重复定义"),
    (r"found character .(.). that cannot start any token", "字符“{0}”不能作为值的开头：请给这个值加上引号"),
    (r"found character that cannot start any token", "此处的字符（如 @、`、%）不能作为值的开头：请给这个值加上引号"),
    (r"expected a comment or a line break", "引号之后、行末之前多了内容：请把整个值放进引号里"),
    (r"expected alphabetic or numeric character", "锚点或别名（&名称、*名称）的写法不对：若是普通文字，请加上引号"),
    (r"expected the node content", "此处缺少值"),
    (r"found unexpected ':'", "此处多了一个冒号：若是值的一部分，请给这个值加上引号"),
    (r"expected '<document start>'", "文件中有多余的内容：一个数据文件只能有一个文档（不要用“---”分隔多个文档）"),
    (r"found unexpected document separator|but found '<document start>'", "文件中有多余的“---”：一个数据文件只能有一个文档"),
    (r"while scanning a (quoted|plain) scalar", "引号没有配对"),
]


def chinese(problem: str) -> str:
    """A Chinese explanation of the parser's ``problem`` text (the original, quoted, when it is not known)."""
    for pattern, message in MESSAGES:
        found = re.search(pattern, problem)
        if found:
            return message.replace("{0}", found.group(1)) if found.groups() else message
    return f"无法解析此处（{problem}）"
