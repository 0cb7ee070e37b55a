"""Fusion: one Event per happening across reports, and stories that group the reports."""
from __future__ import annotations

from ..model import Actor, Document, Event, EventMention, Mention, Story
from .cluster import cluster_mentions, expander
from .context import fill_parties, news_confidence, news_day
from .summary import summarize
from .events import merge
from .stories import build_stories, group_reports
from .dating import dating_timexes
from .salience import key_days, story_key_days

#: statuses an export shows by default: what reports say happened, happens or is scheduled
EXPORT_STATUSES = ("occurred", "ongoing", "scheduled")


def fuse(event_mentions: list[EventMention], actors: dict[str, Actor], documents: dict[str, Document],
         actor_mentions: dict[str, list[Mention]] | None = None) -> tuple[list[Event], list[Story]]:
    """Fused events (sorted by date, then id) and the stories they belong to; ``actor_mentions`` (by
    report) help tell the stories apart."""
    published = {d.id: d.published for d in documents.values()}
    groups = group_reports(documents, event_mentions, actors, actor_mentions)  # the reports' stories, once
    events, stories = _fuse(event_mentions, actors, documents, published, groups, actor_mentions)
    if any("parties" in m.context and not m.target for m in event_mentions):
        filled = fill_parties(event_mentions, events, stories, expander(actors), published)
        events, stories = _fuse(filled, actors, documents, published, groups, actor_mentions)
    return events, stories


def _fuse(event_mentions: list[EventMention], actors: dict[str, Actor], documents: dict[str, Document],
          published: dict[str, str | None], groups: list[list[str]] | None = None,
          actor_mentions: dict[str, list[Mention]] | None = None) -> tuple[list[Event], list[Story]]:
    confidence = news_confidence(documents)
    events = []
    for members in cluster_mentions(event_mentions, actors, published):
        ev = merge(members, actors)
        if ev.date is None:
            news_day(ev, members, published, confidence)
            if ev.date is not None:
                ev.summary = summarize(ev, actors)
        events.append(ev)
    events.sort(key=lambda e: (e.date_start or "9999", e.id))
    stories = build_stories(events, event_mentions, actors, documents, groups, actor_mentions)
    return events, stories


def exportable(event: Event) -> bool:
    """Default export filter, as POLECAT: a type and a source, a factual status, enough confidence. The target
    is optional for the types that stand alone (types.json `one_sided`: a protest, a mobilisation, an offer)."""
    from ..events.combine import one_sided

    from .. import settings

    floor = settings.MIN_EXPORT_CONFIDENCE if event.target or one_sided(event.type) else settings.MIN_TARGETLESS_CONFIDENCE
    return bool(event.source) and event.status in EXPORT_STATUSES and event.confidence >= floor


__all__ = ["fuse", "exportable", "EXPORT_STATUSES", "dating_timexes", "key_days", "story_key_days"]
