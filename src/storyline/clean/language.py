"""A cheap English check: Storyline's NLP models read English only."""
from __future__ import annotations

import re

_EN = frozenset(
    "the of and to in a is that for on with as was by said it at from he be has are have his "
    "an will not this were its which but they their after had who been would more".split()
)
MIN_WORDS = 25          # below this a text is too short to judge: accepted
MIN_SHARE = 0.12        # English news prose is ~35-45% such function words


def guess_language(text: str) -> str:
    """'en' when English function words are frequent enough, else 'not English'."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < MIN_WORDS:
        return "en"
    share = sum(w in _EN for w in words) / len(words)
    return "en" if share >= MIN_SHARE else "unknown (few English function words)"
