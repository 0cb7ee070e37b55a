"""Events: PLOVER-coded event mentions from parsed reports, and their dates from temporal expressions."""
from storyline.events.dates import assign_dates
from storyline.events.extract import extract_events

__all__ = ["extract_events", "assign_dates"]
