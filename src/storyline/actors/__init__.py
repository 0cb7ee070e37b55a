"""Actors: who acts in a report, each name resolved to one catalogue or new actor."""
from .catalogue import Catalogue, load_catalogue

__all__ = ["Catalogue", "load_catalogue"]
