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


def _text_blocks(body: list[Block]) -> list[str]:
    out: list[str] = []
    for b in body:
        if b.text is not None:
            out.append(b.text)
        out += _text_blocks(b.items) + _text_blocks(b.after)
    return out


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


def read_texts(body: Body, profile: Profile, found: list[Found], known: dict[str, str], numeric: set[str]) -> dict[str, str]:
    """Each ``text:`` block's paragraphs (joined by a blank line), by the name of the text."""
    if not body.marked:
        return {}
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
    return out


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
