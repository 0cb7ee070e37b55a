"""The one data model every stage reads and writes.

Nothing else in Storyline defines records. Every character offset (``start``/``end``)
is an index into ``Document.body`` (the cleaned text, one paragraph a line), so a span
can always be cut back out of the stored report and shown as evidence.

Flow of records through the stages::

    ingest/clean -> Document
    nlp + actors -> Mention (+ Actor)
    time         -> TimeExpr (and Document.published when inferred)
    events       -> EventMention (one sentence of one report)
    fuse         -> Event (one happening, many EventMentions as Evidence) + Story + KeyDay
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: kinds of actor, as in EXPORT.md
ACTOR_KINDS = ("country", "organization", "person", "group", "other")

#: PLOVER event types Storyline codes (upper case)
EVENT_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)

#: what a report says of an event's reality
EVENT_STATUSES = ("occurred", "ongoing", "scheduled", "threatened", "conditional", "denied", "hypothetical")

#: TIMEX3 types
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")

#: date precision of an event or a timex value
PRECISIONS = ("day", "week", "month", "season", "year", "range", "decade", "unknown")


class Record:
    """Shared helpers: every record turns into a plain dict for JSON, DuckDB and the web."""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)  # type: ignore[call-overload]

    def to_row(self, columns: list[str]) -> tuple:
        """Field values in column order, without asdict's deep copy (the store's hot path)."""
        return tuple(getattr(self, c) for c in columns)

    @classmethod
    def from_dict(cls, data: dict[str, Any]):
        """Build from a dict, ignoring keys the record does not know (forward compatible)."""
        names = cls.__dataclass_fields__  # type: ignore[attr-defined]
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Document(Record):
    """One news report after ingestion and cleaning."""

    id: str
    body: str                                  # cleaned text, one paragraph a line
    title: str | None = None
    published: str | None = None               # ISO date (YYYY-MM-DD)
    published_source: str | None = None        # metadata | dateline | text | inferred | given
    published_confidence: float | None = None  # 0..1; 1.0 for metadata
    published_note: str | None = None          # why null, or the anchors an inference used
    url: str | None = None
    captured: str | None = None                # crawl capture day (WARC-Date): publication is on or before it
    source_path: str | None = None             # file it came from (and record, for JSONL/WARC)
    source_kind: str = "txt"                   # txt | html | jsonl | warc
    removed: list[str] = field(default_factory=list)  # boilerplate lines taken out
    content_hash: str = ""                     # sha1 of the normalised body: duplicate detection
    language: str | None = "en"
    story: str | None = None                   # story id, filled by fuse


@dataclass
class Actor(Record):
    """Someone who acts: a state, an organisation, a person, a group."""

    id: str                       # stable: catalogue id ("RUS", "NATO", "joe_biden") or "person:<slug>"
    name: str
    kind: str = "other"           # one of ACTOR_KINDS
    country: str | None = None    # ISO 3166-1 alpha-3
    wikidata: str | None = None   # Q-id, only when certain
    affiliation: str | None = None  # actor id a person acts for (at the report's date)
    aliases: list[str] = field(default_factory=list)  # surface forms seen in the corpus
    role: str | None = None       # e.g. "NATO Secretary General" at that date


@dataclass
class Mention(Record):
    """One surface form of an actor in a report."""

    doc: str
    actor: str
    start: int
    end: int
    text: str
    method: str = "catalogue"     # catalogue | ner | title | fuzzy | coref | apposition


@dataclass
class TimeExpr(Record):
    """A TIMEX3-style temporal expression normalised against the report's date."""

    doc: str
    start: int
    end: int
    text: str
    type: str = "DATE"            # DATE | TIME | DURATION | SET
    value: str | None = None      # TIMEX3 value: 2022-01-04, 2022-W02, 2021-12, 2019-SU, P2M, PRESENT_REF
    anchor: str | None = None     # how the value was derived (dct, previous timex, absolute)
    rule: str | None = None       # which normalisation rule fired


@dataclass
class Evidence(Record):
    """A span of a report that supports an event."""

    doc: str
    start: int
    end: int
    text: str


@dataclass
class EventMention(Record):
    """One event as one sentence of one report tells it, before fusion."""

    id: str                       # "<doc>:<n>"
    doc: str
    type: str                     # PLOVER type, one of EVENT_TYPES
    source: list[str]             # actor ids
    target: list[str]             # actor ids
    start: int                    # evidence span (usually the sentence)
    end: int
    text: str
    trigger: str = ""             # the verb or noun that fired the pattern
    mode: str | None = None       # PLOVER mode (e.g. "meet", "phone", "sign")
    cameo: str | None = None      # closest CAMEO root code ("04")
    status: str = "occurred"      # one of EVENT_STATUSES
    clause_start: int | None = None  # span of the clause whose timexes date the event
    clause_end: int | None = None
    location: str | None = None
    lat: float | None = None
    lon: float | None = None
    date: str | None = None       # TIMEX value of the governing expression (day, week, month, year)
    date_start: str | None = None  # ISO day range of that value
    date_end: str | None = None
    precision: str | None = None  # one of PRECISIONS
    symmetric: bool = False       # meetings and talks: source and target interchangeable
    confidence: float = 0.5
    trigger_start: int | None = None  # char offset of the trigger: dates nearest to it govern
    skip_spans: list[list[int]] = field(default_factory=list)  # embedded events' spans: their dates are theirs
    context: list[str] = field(default_factory=list)  # what fusion may fill from the report or story when the
    # sentence gives none: "parties" (the agreement's parties, from the story's AGREE event), "day" (the
    # report's own news: undated, it happened on the publication day)


@dataclass
class Event(Record):
    """One happening, fused across every report (and sentence) that tells it."""

    id: str
    type: str
    source: list[str]
    target: list[str]
    status: str = "occurred"
    mode: str | None = None
    cameo: str | None = None
    date: str | dict | None = None  # TIMEX value, or {"start", "end"}; None when the text gives none
    date_start: str | None = None
    date_end: str | None = None
    precision: str | None = None
    location: str | None = None
    lat: float | None = None
    lon: float | None = None
    summary: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)  # EventMention ids
    n_reports: int = 1
    confidence: float = 0.5
    story: str | None = None
    symmetric: bool = False
    timeline: bool = True         # passes the default export filter (real actors, factual status, confident)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "Event":
        ev = super().from_dict(data)
        ev.evidence = [e if isinstance(e, Evidence) else Evidence.from_dict(e) for e in ev.evidence]
        return ev


@dataclass
class Story(Record):
    """A group of reports about one unfolding story."""

    id: str
    label: str
    docs: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)


@dataclass
class KeyDay(Record):
    """One of a crisis's key days: what happened on it, how much the reports make of it, and where they say so."""

    date: str                     # ISO day
    score: float                  # salience; days are ranked by it, most important first
    events: list[str] = field(default_factory=list)  # ids of the fused events dated that day, surest first
    summary: str = ""             # one line drawn from the evidence
    story: str | None = None      # the story these days rank within; None for the whole corpus
    rank: int = 0                 # 1 = the most important day
    n_reports: int = 0            # reports telling the day's events or naming the day
    n_references: int = 0         # later reports that refer back to the day ("the March 17 vote")
    evidence: list[Evidence] = field(default_factory=list)  # the best span of each report, strongest first

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "KeyDay":
        day = super().from_dict(data)
        day.evidence = [e if isinstance(e, Evidence) else Evidence.from_dict(e) for e in day.evidence]
        return day
