"""What the independent eval sets share: the dev/test split and the rule that test misses stay unread."""
from __future__ import annotations

import json
from pathlib import Path


def load(path: Path, split: str) -> list[dict]:
    """Records of a JSONL set; "dev" keeps odd-numbered ids (to look at), "test" even ones (to measure)."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if split == "all":
        return records
    odd = split == "dev"
    return [r for r in records if (int("".join(ch for ch in r["id"] if ch.isdigit())) % 2 == 1) == odd]


def show_misses(lines: list[str], split: str) -> None:
    """Print misses, except for the test split: it measures, it is not for tuning."""
    if split == "test":
        print("(misses of the test split are not printed: it measures, it is not for tuning)")
    else:
        print("\n".join(lines))
