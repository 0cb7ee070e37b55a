"""Marked-up report text, built by cutting the text at span offsets and escaping every piece.

Never insert tags into report text and escape afterwards: a report may contain markup
(``<script>``) and must show as text, with the marks around it.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape


@dataclass
class Span:
    """One stretch of the text to mark: its CSS classes, a tooltip and data attributes."""

    start: int
    end: int
    css: str
    title: str = ""
    data: dict[str, str] = field(default_factory=dict)
    mark: bool = False            # evidence: rendered as <mark>, the others as <span>


def _valid(spans: list[Span], n: int) -> list[Span]:
    """Spans clamped to the text; empty or inverted ones dropped (offsets from old runs)."""
    out = []
    for s in spans:
        start, end = max(0, min(s.start, n)), max(0, min(s.end, n))
        if end > start:
            out.append(Span(start, end, s.css, s.title, s.data, s.mark))
    return out


def _open(active: list[Span]) -> str:
    tag = "mark" if any(s.mark for s in active) else "span"
    css = " ".join(dict.fromkeys(c for s in active for c in s.css.split()))
    title = "; ".join(dict.fromkeys(s.title for s in active if s.title))
    attrs = f' class="{escape(css)}"'
    if title:
        attrs += f' title="{escape(title)}"'
    data: dict[str, str] = {}
    for s in active:
        data.update(s.data)
    attrs += "".join(f' data-{escape(k)}="{escape(v)}"' for k, v in data.items())
    return f"<{tag}{attrs}>"


def highlight(text: str, spans: list[Span]) -> Markup:
    """The text as safe HTML with every span marked; overlapping spans split into segments."""
    spans = _valid(spans, len(text))
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        active = [s for s in spans if s.start <= a and b <= s.end]
        if active:
            tag = "mark" if any(s.mark for s in active) else "span"
            parts.append(f"{_open(active)}{piece}</{tag}>")
        else:
            parts.append(str(piece))
    return Markup("".join(parts))
