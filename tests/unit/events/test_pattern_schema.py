"""Event patterns are validated data: a misspelt key, type, mode, slot or kind fails at load, with its place."""
from __future__ import annotations

import pytest

from storyline.errors import PatternError
from storyline.events.combine import type_defaults
from storyline.events.patterns import export_mode, modes, parse_lines, patterns

GOOD = '{"lemma": "shell", "type": "ASSAULT", "mode": "artillery", "cameo": "19", "target": ["dobj", "loc"], "conf": 0.7}'


def test_a_good_line_loads_and_exports_the_codebook_mode():
    (p,) = parse_lines(GOOD, "verbs.jsonl", "verb")
    assert (p.lemma, p.type, p.target) == ("shell", "ASSAULT", ("dobj", "loc"))
    assert export_mode(p.type, p.mode) == "heavy-weapons"  # the act "artillery" is the codebook's heavy-weapons


@pytest.mark.parametrize("line,message", [
    (GOOD.replace('"type": "ASSAULT"', '"type": "ASSUALT"'), "verbs.jsonl:1: unknown PLOVER type 'ASSUALT'"),
    (GOOD.replace('"target"', '"traget"'), "verbs.jsonl:1: unknown key 'traget'"),
    (GOOD.replace('"artillery"', '"artilery"'), "unknown mode 'artilery' for ASSAULT"),
    (GOOD.replace('"loc"', '"lco_x"'), "unknown target slot 'lco_x'"),
    (GOOD.replace('"conf": 0.7', '"conf": "high"'), "'conf' must be"),
    (GOOD.replace('"conf": 0.7', '"conf": 0.7, "needs_target": "yes"'), "'needs_target' must be bool"),
    (GOOD.replace('"conf": 0.7', '"conf": 0.7, "control": "subject"'), "unknown control 'subject'"),
    ('{"lemma": "shell"', "not JSON"),
])
def test_a_broken_line_fails_at_load_saying_where_and_what(line, message):
    with pytest.raises(PatternError) as exc:
        parse_lines("# a comment line\n" + line, "verbs.jsonl", "verb")
    assert message.replace("verbs.jsonl:1", "verbs.jsonl:2") in str(exc.value)


def test_the_shipped_patterns_load_and_every_mode_is_known():
    table = patterns()
    assert sum(len(v) for by_lemma in table.values() for v in by_lemma.values()) > 400
    for by_lemma in table.values():
        for ps in by_lemma.values():
            for p in ps:
                m = export_mode(p.type, p.mode)
                assert m is None or m in modes()[p.type]["codebook"]


def test_every_plover_type_has_defaults_for_classifier_events():
    assert len(type_defaults()) == 16 and all(d["cameo"].isdigit() for d in type_defaults().values())


def test_needs_target_is_read_a_record_high_is_no_attack(events):
    assert not [e for e in events("Japan hit a record high in exports last month.") if e.type == "ASSAULT"]
    assert [e for e in events("Chile hit Peru with artillery fire on Monday.") if e.type == "ASSAULT"]


def test_control_is_read_the_urged_party_does_the_urged_act(events):
    ems = events("Chile urged Peru to withdraw its troops from the border.")
    withdraw = [e for e in ems if e.type == "RETREAT"]
    assert withdraw and withdraw[0].source == ["PER"]


def test_a_hyphenated_trigger_stays_one_word_de_escalating_is_not_escalating(events):
    ems = events("Chile de-escalated the standoff with Peru on Monday.")
    assert [e.type for e in ems if e.trigger == "de-escalated"] == ["RETREAT"]
    assert not [e for e in ems if e.trigger == "escalated"]


def test_denied_as_is_data_a_denied_recognition_is_a_refusal(events):
    ems = events("Peru said it would never recognise the breakaway government of Chile.")
    assert [(e.type, e.status) for e in ems if e.trigger == "recognise" and "learned" not in e.context] == [
        ("REJECT", "occurred")]
    with pytest.raises(PatternError, match="denied_as"):
        parse_lines(GOOD.replace('"conf": 0.7', '"conf": 0.7, "denied_as": "REFUSE"'), "verbs.jsonl", "verb")


def test_type_fallbacks_are_data_and_checked(monkeypatch):
    import json
    from importlib import resources

    raw = json.loads(resources.files("storyline.resources").joinpath("events", "types.json").read_text("utf-8"))
    assert raw["PROTEST"]["source_from"] == ["place"] and raw["ASSAULT"]["struck"] is True
    raw["PROTEST"]["source_from"] = ["plaza"]
    monkeypatch.setattr("storyline.events.combine.resources.files",
                        lambda _pkg: _Fake(json.dumps(raw)))
    type_defaults.cache_clear()
    try:
        with pytest.raises(PatternError, match="unknown source_from"):
            type_defaults()
    finally:
        monkeypatch.undo()
        type_defaults.cache_clear()


class _Fake:
    """resources.files() stand-in that serves one types.json text."""

    def __init__(self, text: str) -> None:
        self.text = text

    def joinpath(self, *_parts: str) -> "_Fake":
        return self

    def read_text(self, *_args) -> str:
        return self.text


def test_a_protest_without_a_named_source_takes_the_place(events):
    ems = [e for e in events("Thousands of people marched through Lima on Sunday.") if e.type == "PROTEST"]
    assert ems and ems[0].source == ["PER"]


def test_the_lexicon_is_checked_word_class_by_word_class():
    import json
    from importlib import resources

    from storyline.errors import PatternError
    from storyline.events.patterns import LEXICON_KEYS, check_lexicon

    raw = json.loads(resources.files("storyline.resources").joinpath("events", "lexicon.json").read_text("utf-8"))
    assert set(check_lexicon(raw)) == LEXICON_KEYS
    with pytest.raises(PatternError, match="unknown word class.*light_verb"):
        check_lexicon({**raw, "light_verb": ["hold"]})  # a misspelt class
    with pytest.raises(PatternError, match="missing word class.*modal_future"):
        check_lexicon({k: v for k, v in raw.items() if k != "modal_future"})
    with pytest.raises(PatternError, match="list of strings"):
        check_lexicon({**raw, "modal_future": "will"})
