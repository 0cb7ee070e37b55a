"""Storyline: sourced, dated event timelines from raw news reports."""
__version__ = "0.1.0"
