"""One place for the errors a user sees, each saying what to do about it.

The library raises these narrow exceptions; the CLI turns them into one clear line.
"""
from __future__ import annotations


class StorylineError(Exception):
    """Base of every error Storyline raises on purpose."""


class InputSkipped(StorylineError):
    """One input cannot be read as a report; the run skips it and goes on.

    ``trace`` holds the traceback when an unexpected error caused the skip: the store writes it
    to its log file, the user sees one line.
    """

    def __init__(self, source: str, reason: str, trace: str | None = None) -> None:
        super().__init__(f"skipped {source}: {reason}")
        self.source = source
        self.reason = reason
        self.trace = trace

    def __reduce__(self):  # crosses process boundaries (worker pools, Ray) with all its fields
        return (type(self), (self.source, self.reason, self.trace))


def failed(source: str, stage: str, exc: BaseException) -> InputSkipped:
    """An unexpected error in one stage for one report, as a skip carrying its traceback."""
    import traceback

    detail = f"{type(exc).__name__}: {str(exc).splitlines()[0][:160] if str(exc) else ''}".rstrip(": ")
    trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return InputSkipped(source, E016.format(stage=stage, detail=detail), trace)


class StoreError(StorylineError):
    """The DuckDB store cannot be opened or written."""


class ExportError(StorylineError):
    """An export could not be written in the asked format."""


class ModelError(StorylineError):
    """The spaCy pipeline is not installed."""


class PatternError(StorylineError):
    """A data file of event patterns, types or cues breaks its schema (an unknown key, type, mode or slot)."""


# Reasons for skipping an input, numbered like spaCy's errors so users can search them.
E001 = "E001 empty file"
E002 = "E002 binary file (not text, HTML, JSONL or WARC)"
E003 = "E003 not decodable as UTF-8, Windows-1252 or Latin-1 text"
E004 = "E004 larger than the {limit} MB limit (--max-mb to raise it)"
E005 = "E005 no report text left after removing page furniture"
E006 = "E006 JSONL line is not a JSON object with 'text' or 'html'"
E007 = "E007 WARC file is truncated or malformed: {detail}"
E008 = "E008 duplicate of stored report {other}"
E009 = "E009 not English (detected: {lang})"
E010 = "E010 unsupported file type {suffix}"
E011 = "E011 cannot read file: {detail}"
E012 = "E012 'published' is not a date (ISO 8601 expected): {value!r}"
E013 = "E013 JSONL field {field!r} must be {expected}, not {got}"
E014 = "E014 JSONL field {field!r} is not valid Unicode (lone surrogate)"
E015 = "E015 JSONL line is nested too deeply to be a report"
E016 = "E016 {stage} failed: {detail}"
E017 = "E017 {what} {value!r} is out of range (years {lo} to {hi})"
E018 = "E018 hidden {what} (name starts with '.'), not read; name it to read it"
E019 = "E019 cannot read folder: {detail}"
