"""Named paragraphs (a profile's ``text:`` blocks) read back from the sections that print them.

A section is found by its printed title (a paragraph of its own, after its number); it runs to the
next heading. The paragraphs of it that no sentence template accounts for are the section's texts,
given in order to its ``text:`` blocks: one run of paragraphs each, or all of them to a single block.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from generator.ingest.paragraphs import is_heading
from generator.ingest.sentences import Body, Found, compile_template
from generator.present.profile import Block, Node, Profile
from generator.zh.ordinals import number


def _text_blocks(body: list[Block]) -> list[str]:
    out: list[str] = []
    for b in body:
        if b.text is not None:
            out.append(b.text)
        out += _text_blocks(b.items) + _text_blocks(b.after)
    return out


def _pure(template: str | None) -> str | None:
    """The fact a template consists of alone ("{overview}"), else None."""
    m = re.fullmatch(r"\{([A-Za-z0-9_.]+)\}", (template or "").strip())
    return m.group(1) if m else None


def _heading(template: str, known: dict[str, str], numeric: set[str]) -> tuple[re.Pattern[str], list[str]]:
    """A title as a paragraph of its own, after its number; the names of the facts in it."""
    pattern, names = compile_template(template, known, numeric, bare=True)
    return re.compile("^.{0,8}?" + pattern.pattern + "$"), names


def read_each(body: Body, profile: Profile, known: dict[str, str], numeric: set[str]) -> tuple[dict[str, list[dict[str, Any]]], list[Found]]:
    """The entries of sections repeated for each entry of a list (``each: projects``): the facts of the title, and each
    subsection printing a fact alone (a paragraph) or a list of one fact (numbered paragraphs) or an inline list's lead;
    the paragraphs taken."""
    spans = paragraphs(body) if body.marked else []
    texts = [body.marked[a:b] for a, b in spans]
    parts = [_heading(n.part, known, numeric)[0] for n in profile.outline if n.part]
    out: dict[str, list[dict[str, Any]]] = {}

    def walk(nodes: list[Node]) -> None:
        for node in nodes:
            if node.each and node.title:
                entries = _each(texts, node, parts, known, numeric, taken)
                if entries:
                    out[node.each] = entries
            walk(node.sections)

    taken: list[int] = []
    walk(profile.outline)
    used = []
    for k in taken:
        a, b = body.plain(spans[k][0]), body.plain(spans[k][1])
        used.append(Found("each", {}, body.page_at(a), a, b))
    return out, used


def _each(texts: list[str], node: Node, parts: list[re.Pattern[str]], known: dict[str, str], numeric: set[str], taken: list[int]) -> list[dict[str, Any]]:
    title, names = _heading(node.title or "", known, numeric)
    hits = [(k, m) for k, t in enumerate(texts) for m in [title.match(t)] if m]
    subs = [(s, _heading(s.title, known, numeric)[0]) for s in node.sections if s.title]
    entries = []
    for i, (h, m) in enumerate(hits):
        end = hits[i + 1][0] if i + 1 < len(hits) else next((k for k in range(h + 1, len(texts)) if any(p.match(texts[k]) for p in parts)), len(texts))
        entry: dict[str, Any] = {n: v for n, v in zip(names, m.groups()) if v}
        heads = sorted((k, j) for k in range(h + 1, end) for j, (_, p) in enumerate(subs) if p.match(texts[k]))
        for n, (k, j) in enumerate(heads):
            stop = heads[n + 1][0] if n + 1 < len(heads) else end
            facts = _section_facts(subs[j][0].body, [t for t in texts[k + 1 : stop] if t], known, numeric)
            entry.update(facts)
            if facts:
                taken.extend(range(k + 1, stop))
        if len(entry) > len(names):
            entries.append(entry)
    return entries


def _section_facts(blocks: list[Block], paras: list[str], known: dict[str, str], numeric: set[str]) -> dict[str, Any]:
    if len(blocks) != 1 or not paras:
        return {}
    b = blocks[0]
    field = _pure(b.say)
    if field:
        return {field: "\n\n".join(paras)}
    item = _pure(b.item)
    if b.list and item and not b.inline:
        labels = [number(b.style, i + 1) if b.style else "" for i in range(len(paras))]
        if all(p.startswith(label) for p, label in zip(paras, labels)):
            return {b.list: [p[len(label) :] for p, label in zip(paras, labels)]}
        return {}
    if b.list and b.inline and b.lead:
        pattern, names = compile_template(b.lead, known, numeric, bare=True)
        m = re.match(pattern.pattern, paras[0])
        return {n: v for n, v in zip(names, m.groups()) if v} if m else {}
    return {}


def _nodes(nodes: list[Node]) -> Iterator[Node]:
    for n in nodes:
        if n.each is None:
            yield n
            yield from _nodes(n.sections)


def _titles(profile: Profile) -> list[str]:
    out = [t for t in profile.table_titles.values() if t]
    out += [t for n in _nodes(profile.outline) for t in (n.part, n.title) if t]
    return out


def paragraphs(body: Body) -> list[tuple[int, int]]:
    """Each paragraph's start and end in ``body.marked``."""
    out, at = [], 0
    for part in body.marked.split("\n"):
        out.append((at, at + len(part)))
        at += len(part) + 1
    return out


def read_texts(body: Body, profile: Profile, found: list[Found], known: dict[str, str], numeric: set[str]) -> tuple[dict[str, str], list[Found]]:
    """Each ``text:`` block's paragraphs (joined by a blank line), by the name of the text; the paragraphs taken."""
    used: list[Found] = []
    if not body.marked:
        return {}, used
    spans = paragraphs(body)
    texts = [body.marked[a:b] for a, b in spans]
    plain = [(body.plain(a), body.plain(b)) for a, b in spans]
    covered = [any(f.start < b and a < f.end for f in found) for a, b in plain]
    headings = [re.compile("^.{0,8}?" + compile_template(t, known, numeric, bare=True)[0].pattern + "$") for t in _titles(profile)]
    is_title = [bool(t) and (is_heading(t) or any(h.match(t) for h in headings)) for t in texts]
    out: dict[str, str] = {}
    for node in _nodes(profile.outline):
        names = _text_blocks(node.body)
        if not names:
            continue
        own = re.compile("^.{0,8}?" + compile_template(node.part or node.title or "", known, numeric, bare=True)[0].pattern + "$")
        best: list[list[int]] = []
        for h, t in enumerate(texts):
            if not own.match(t):
                continue
            runs: list[list[int]] = []
            k = h + 1
            while k < len(texts) and not is_title[k]:
                if not covered[k] and texts[k]:
                    if runs and runs[-1][-1] == k - 1:
                        runs[-1].append(k)
                    else:
                        runs.append([k])
                k += 1
            if runs:
                best = runs
        if not best:
            continue
        if len(best) != len(names) and len(names) == 1:
            best = _one_run(node.body, names[0], best)
        elif len(best) != len(names):
            continue
        for name, run in zip(names, best):
            out[name] = "\n\n".join(texts[k] for k in run)
            used += [Found(f"text: {name}", {}, body.page_at(plain[k][0]), *plain[k]) for k in run]
    return out, used


def _one_run(body: list[Block], name: str, runs: list[list[int]]) -> list[list[int]]:
    """The run of paragraphs of a section's only text: the first when the text opens the section, the last when it
    closes it, else all of them."""
    if body and body[0].text == name:
        return runs[:1]
    if body and body[-1].text == name:
        return runs[-1:]
    return [[k for run in runs for k in run]]


def put_texts(data: dict[str, Any], texts: dict[str, str]) -> None:
    for name, value in texts.items():
        data.setdefault("texts", {}).setdefault(name, value)
