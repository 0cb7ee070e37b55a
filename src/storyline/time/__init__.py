"""Time stage: TIMEX3 normalisation against the report's date, and dates for undated reports.

The spaCy component lives in ``storyline.time.component`` (imported on demand so that
``normalize`` stays usable without spaCy).
"""
from storyline.time.infer import Guess, infer_published
from storyline.time.normalize import normalize

__all__ = ["normalize", "infer_published", "Guess"]
