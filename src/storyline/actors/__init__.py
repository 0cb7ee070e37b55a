"""Actors: who acts in a report, each name resolved to one catalogue or new actor.

Importing this package registers the spaCy factory "storyline_actors" and the Doc extensions
``dct``, ``actor_mentions`` and ``actors``.
"""
from .catalogue import Catalogue, load_catalogue
from .component import ActorsComponent, pipe_with_dates
from .resolve import latest_date, merge_actors, report_date

__all__ = ["Catalogue", "load_catalogue", "merge_actors", "ActorsComponent", "pipe_with_dates", "latest_date",
           "report_date"]
