"""Project sections of a budget (项目经费情况说明): one per project, read with the profile's ``each: projects`` node.

The node's title (``{name}经费情况说明``) finds where each project starts and gives its name; its
subsections (一、项目概述 … 七、绩效目标, numbered as the node says) cut the lines that follow. Each
subsection's body says where its text goes: ``say: "{overview}"`` is a field, ``list: basis`` one
entry per numbered document, ``list: details`` the amounts after the lead (``其中A170.00万，B80.00万``);
the project's total is not copied (it is the sum of its details).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from generator.ingest.cells import amount, squash
from generator.ingest.pdf import Line
from generator.ingest.sentences import compile_template
from generator.present.profile import Block, Node, Profile
from generator.zh.ordinals import number

_FIELD = re.compile(r"^\{([a-z_]+)\}$")
_PAGE_NUMBER = re.compile(r"^[-－—\s]*\d{1,3}[-－—\s]*$|^第\d+页")


def _project_node(nodes: list[Node]) -> Node | None:
    for n in nodes:
        if n.each == "projects":
            return n
        found = _project_node(n.sections)
        if found is not None:
            return found
    return None


def _title_pattern(title: str) -> re.Pattern[str] | None:
    if "{name}" not in title:
        return None
    head, tail = squash(title).split("{name}", 1)
    return re.compile("^" + re.escape(head) + r"(.{2,40}?)" + re.escape(tail) + "$")


def _split_numbered(text: str, style: str) -> list[str]:
    """``1、A。2、B。`` → [A。, B。] (the labels ``number(style, n)`` in order); [text] without labels."""
    at, n, marks = 0, 1, []
    while True:
        label = number(style, n)
        pos = text.find(label, at)
        if pos < 0 or (pos > 0 and text[pos - 1].isdigit()):
            break
        marks.append((pos, len(label)))
        at, n = pos + len(label), n + 1
    if not marks or marks[0][0] != 0:
        return [text] if text else []
    return [text[p + k : (marks[i + 1][0] if i + 1 < len(marks) else len(text))] for i, (p, k) in enumerate(marks)]


def _details(block: Block, text: str, scale: Decimal, year: str) -> list[dict[str, Any]]:
    assert block.lead and block.item
    lead, _ = compile_template(block.lead, {"year": year}, {"amount"})
    m = lead.search(text)
    if m is None:
        return []
    rest = text[m.end() :].rstrip("。")
    item, names = compile_template(block.item, {}, {"amount"})
    out: list[dict[str, Any]] = []
    for piece in rest.split(block.joiner[0] if block.joiner and block.joiner[0] else "，"):
        if piece.startswith("合计"):
            break
        hit = item.fullmatch(piece) or item.fullmatch(piece.removesuffix("元"))
        if hit is None:
            return []
        fields = dict(zip(names, hit.groups()))
        value = amount(fields.get("amount"))
        if value is None or not fields.get("content"):
            return []
        out.append({"activity": "", "content": fields["content"], "economic": "", "amount": value * scale})
    return out


def read_projects(lines: list[Line], profile: Profile, data: dict[str, Any]) -> tuple[list[dict[str, Any]], list[Line]]:
    """The projects the report describes, and the lines they used."""
    node = _project_node(profile.outline)
    if node is None or not node.title:
        return [], []
    pattern = _title_pattern(node.title)
    if pattern is None:
        return [], []
    style = (node.levels or profile.numbering.levels)[0]
    subs = [(number(style, i + 1) + squash(s.title or ""), s) for i, s in enumerate(node.sections)]
    scale = Decimal(10000) if data.get("unit") == "元" and profile.text.unit == "万元" else Decimal(1)
    text_lines = [ln for ln in lines if not _PAGE_NUMBER.match(ln.text)]
    starts = []
    for k, line in enumerate(text_lines):
        m = pattern.match(squash(line.text))
        nxt = squash(text_lines[k + 1].text) if k + 1 < len(text_lines) else ""
        if m and subs and nxt == subs[0][0]:
            starts.append((k, m.group(1)))
    projects: list[dict[str, Any]] = []
    used: list[Line] = []
    for n, (k, name) in enumerate(starts):
        stop = starts[n + 1][0] if n + 1 < len(starts) else len(text_lines)
        chunk = text_lines[k + 1 : stop]
        project: dict[str, Any] = {"name": name}
        used.append(text_lines[k])
        at = 0
        for i, (head, sub) in enumerate(subs):
            begin = next((j for j in range(at, len(chunk)) if squash(chunk[j].text) == head), None)
            if begin is None:
                continue
            nxt_heads = {h for h, _ in subs[i + 1 :]}
            end = next((j for j in range(begin + 1, len(chunk)) if squash(chunk[j].text) in nxt_heads), len(chunk))
            body_lines = chunk[begin + 1 : end]
            at = end
            text = "".join(ln.text.strip() for ln in body_lines)
            if _fill(project, sub, text, scale, str(data.get("year", ""))):
                used.extend(chunk[begin:end])
            else:
                used.append(chunk[begin])
                if not body_lines:
                    continue
                if all(b.say and "{" not in b.say and squash(b.say) == squash(text) for b in sub.body):
                    used.extend(body_lines)  # the profile's own fixed sentence (详见单位的项目绩效目标表)
        if len(project) > 1:
            projects.append(project)
    return projects, used if projects else []


def _fill(project: dict[str, Any], sub: Node, text: str, scale: Decimal, year: str) -> bool:
    """Put a subsection's text where its body block says; False when the body names no field."""
    for block in sub.body:
        if block.say and (m := _FIELD.match(block.say.strip())):
            if text:
                project[m.group(1)] = text
            return bool(text)
        if block.list == "basis" and block.item:
            entries = _split_numbered(text, block.style or "arabic_dun")
            if entries:
                project["basis"] = entries
            return bool(entries)
        if block.list == "details" and block.lead and block.item:
            details = _details(block, text, scale, year)
            if details:
                project["details"] = details
            return bool(details)
    return False
