"""The publication date a report states in its dateline ("December 8, 2021 - ...").

Read by the time stage's one reader of a report's own date (``storyline.time.report_date``).
"""
from __future__ import annotations

from ..time.report_date import DATELINE_LINES, dateline

find_dateline = dateline  # (ISO date, the dateline text) or None, from the first DATELINE_LINES lines

__all__ = ["DATELINE_LINES", "find_dateline"]
