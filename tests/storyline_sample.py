"""A small hand-made store (3 reports, 5 actors, 5 events) for the export, web and browser tests.

Offsets are found in the text, never typed, so the spans always cut out what they name.
One report carries ``<script>alert(1)</script>`` to prove report text is shown escaped.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from storyline.model import Actor, Document, Event, EventMention, Evidence, Mention, Story, TimeExpr
from storyline.fuse import story_key_days
from storyline.store.duck import Store

SCRIPT = "<script>alert(1)</script>"

DOCS = {
    "d1_nato_council": (
        "NATO and Russia to meet in Brussels next week", "2022-01-04", "https://example.org/nato-russia-council",
        "BRUSSELS — NATO Secretary General Jens Stoltenberg said on Tuesday that the NATO-Russia Council "
        "will meet in Brussels on January 12.\n"
        "Russia has massed troops near the border with Ukraine, and Moscow accused the alliance of "
        "expanding eastward.\n"
        "Ukraine's foreign minister called the planned talks a chance to avoid war."),
    "d2_talks_held": (
        "Russia and NATO hold four hours of talks", "2022-01-12", "https://example.org/talks-held",
        "Russian and NATO officials met in Brussels on Wednesday for more than four hours of talks.\n"
        "Deputy Foreign Minister Alexander Grushko said Russia rejected any further expansion of the alliance.\n"
        "The United States imposed sanctions on Russian banks in December 2021, officials recalled."),
    "d3_shelling": (
        "Kyiv says <b>shells</b> hit Avdiivka", "2022-01-14", "javascript:alert(2)",
        "Ukrainian officials said on Friday that Russian forces shelled the town of Avdiivka.\n"
        f"A comment posted below the report read {SCRIPT} before it was removed.\n"
        "Ukraine denounced the shelling as a violation of the ceasefire."),
}

ACTORS = [
    Actor("NATO", "NATO", "organization", None, "Q7184", aliases=["the alliance"]),
    Actor("RUS", "Russia", "country", "RUS", "Q159", aliases=["Moscow", "Russian"]),
    Actor("UKR", "Ukraine", "country", "UKR", "Q212", aliases=["Kyiv", "Ukrainian"]),
    Actor("USA", "United States", "country", "USA", "Q30"),
    Actor("person:jens_stoltenberg", "Jens Stoltenberg", "person", "NOR", "Q57287", affiliation="NATO",
          role="NATO Secretary General"),
]

#: (doc, surface form, actor)
MENTIONS = [
    ("d1_nato_council", "NATO", "NATO"), ("d1_nato_council", "Jens Stoltenberg", "person:jens_stoltenberg"),
    ("d1_nato_council", "Russia", "RUS"), ("d1_nato_council", "Moscow", "RUS"),
    ("d1_nato_council", "Ukraine", "UKR"),
    ("d2_talks_held", "Russian", "RUS"), ("d2_talks_held", "NATO", "NATO"),
    ("d2_talks_held", "United States", "USA"),
    ("d3_shelling", "Ukrainian", "UKR"), ("d3_shelling", "Russian", "RUS"),
]

#: (doc, text, value)
TIMEXES = [
    ("d1_nato_council", "on Tuesday", "2022-01-04"), ("d1_nato_council", "January 12", "2022-01-12"),
    ("d2_talks_held", "on Wednesday", "2022-01-12"), ("d2_talks_held", "December 2021", "2021-12"),
    ("d3_shelling", "on Friday", "2022-01-14"),
]

#: id, type, source, target, status, date, start, end, precision, summary, [(doc, evidence text)]
EVENTS = [
    ("e1", "CONSULT", ["NATO"], ["RUS"], "occurred", "2022-01-12", "2022-01-12", "2022-01-12", "day",
     "NATO-Russia Council meets in Brussels",
     [("d1_nato_council", "the NATO-Russia Council will meet in Brussels on January 12"),
      ("d2_talks_held", "Russian and NATO officials met in Brussels on Wednesday for more than four hours of talks.")]),
    ("e2", "ACCUSE", ["RUS"], ["NATO"], "occurred", "2022-01-04", "2022-01-04", "2022-01-04", "day",
     "", [("d1_nato_council", "Moscow accused the alliance of expanding eastward.")]),
    ("e3", "SANCTION", ["USA"], ["RUS"], "occurred", "2021-12", "2021-12-01", "2021-12-31", "month",
     "US sanctions on Russian banks",
     [("d2_talks_held", "The United States imposed sanctions on Russian banks in December 2021")]),
    ("e4", "ASSAULT", ["RUS"], ["UKR"], "occurred", "2022-01-14", "2022-01-14", "2022-01-14", "day",
     "Russian forces shell Avdiivka",
     [("d3_shelling", "Russian forces shelled the town of Avdiivka."),
      ("d3_shelling", f"A comment posted below the report read {SCRIPT} before it was removed.")]),
    ("e5", "REJECT", ["RUS"], ["NATO"], "occurred", None, None, None, None, "",
     [("d2_talks_held", "Russia rejected any further expansion of the alliance.")]),
]


def _span(body: str, text: str) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


def build_store(db: Path) -> Path:
    """Write the sample corpus through the Store API and close it; returns the DuckDB path."""
    db = Path(db)
    with Store(db) as store:
        for doc_id, (title, published, url, body) in DOCS.items():
            store.add_document(Document(doc_id, body, title=title, published=published, url=url,
                                        published_source="metadata", published_confidence=1.0,
                                        content_hash=hashlib.sha1(body.encode()).hexdigest()))
        events, ems, timexes = [], {d: [] for d in DOCS}, []
        for eid, typ, src, tgt, status, date, start, end, prec, summary, spans in EVENTS:
            evidence = []
            for doc_id, text in spans:
                s, e = _span(DOCS[doc_id][3], text)
                evidence.append(Evidence(doc_id, s, e, text))
                ems[doc_id].append(EventMention(f"{doc_id}:{len(ems[doc_id])}", doc_id, typ, src, tgt, s, e, text,
                                                status=status, date=date, date_start=start, date_end=end,
                                                precision=prec))
            n_reports = len({d for d, _ in spans})
            events.append(Event(eid, typ, src, tgt, status=status, date=date, date_start=start, date_end=end,
                                precision=prec, summary=summary, evidence=evidence, n_reports=n_reports,
                                confidence=0.9 if n_reports > 1 else 0.6,
                                mentions=[m.id for d in ems for m in ems[d] if m.text in dict(spans).values()],
                                location="Brussels" if eid == "e1" else None,
                                lat=50.85 if eid == "e1" else None, lon=4.35 if eid == "e1" else None,
                                symmetric=typ == "CONSULT", story="s1" if eid != "e4" else "s2"))
        for doc_id in DOCS:
            body = DOCS[doc_id][3]
            mentions = [Mention(d, a, *_span(body, t), t) for d, t, a in MENTIONS if d == doc_id]
            store.save_analysis(doc_id, mentions, ACTORS, ems[doc_id])
            timexes += [TimeExpr(d, *_span(body, t), t, value=v) for d, t, v in TIMEXES if d == doc_id]
        stories = [Story("s1", "NATO-Russia talks", ["d1_nato_council", "d2_talks_held"], ["e1", "e2", "e3", "e5"]),
                   Story("s2", "Shelling of Avdiivka", ["d3_shelling"], ["e4"])]
        all_ems = [m for d in ems for m in ems[d]]
        days = story_key_days({d.id: d for d in store.documents()}, timexes, events, stories, all_ems)
        store.save_corpus(timexes, all_ems, events, stories, days)
    return db
