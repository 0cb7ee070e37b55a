"""The JSON Schema in the repo covers EXPORT.md's fields and every field of the data model."""
from __future__ import annotations

import re

import pytest

from storyline.export.json_export import schema
from storyline.model import Actor, Document, Event, Mention, TimeExpr

SECTIONS = {"documents": Document, "actors": Actor, "mentions": Mention, "timexes": TimeExpr, "events": Event}


def props(section: str) -> set[str]:
    return set(schema()["properties"][section]["items"]["properties"])


@pytest.mark.parametrize("section,record", SECTIONS.items())
def test_schema_has_every_model_field(section, record):
    assert set(record.__dataclass_fields__) <= props(section)


def test_schema_has_every_field_export_md_names(shared_dir):
    text = (shared_dir / "eval" / "EXPORT.md").read_text()
    block = text.split("```json", 1)[1].split("```", 1)[0]
    for section in SECTIONS:
        part = block.split(f'"{section}"', 1)[1].split("]", 1)[0]
        for key in re.findall(r'"(\w+)":', part):
            assert key in props(section) or key in {"doc", "start", "end", "text"}, (section, key)
