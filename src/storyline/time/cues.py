"""Load the temporal word lists once: cues are data (resources/time/cues.yaml), not code."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """The parsed cue file, cached so the cheap re-run of normalize pays for it once."""
    text = resources.files("storyline").joinpath("resources/time/cues.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    data["not_past"] = set(data["not_past"])
    for side in ("future", "past"):
        data[side]["words"] = set(data[side]["words"])
        data[side]["phrases"] = [tuple(p.split()) for p in data[side]["phrases"]]
    return data
