"""Main text, title and publication date of an HTML page (trafilatura + htmldate)."""
from __future__ import annotations

import logging
from dataclasses import dataclass

# trafilatura and htmldate log every odd page at WARNING; the run reports skips itself
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.ERROR)


@dataclass
class Page:
    """What one page yields before cleaning (an internal value, not a stored record)."""

    title: str | None
    text: str
    published: str | None
    url: str | None


def extract_html(html: str, url: str | None = None) -> Page | None:
    """Extract the article; None when the page has no main text."""
    import trafilatura

    doc = None
    # precision first (no comments, no "Advertisement"); broken markup may need the recall mode
    for precise in (True, False):
        try:
            doc = trafilatura.bare_extraction(html, url=url, include_comments=False, favor_precision=precise,
                                              favor_recall=not precise, include_tables=False, with_metadata=True,
                                              # only dates the page declares: a copyright year is no date
                                              date_extraction_params={"extensive_search": False,
                                                                      "original_date": True})
        except Exception:  # noqa: BLE001 - malformed markup must skip the page, not end the run
            doc = None
        if doc is not None and (doc.text or "").strip():
            break
    if doc is None or not (doc.text or "").strip():
        return None
    title = (doc.title or "").strip() or None
    lines = [ln.strip() for ln in doc.text.split("\n")]
    if title and lines and lines[0] == title:  # the <h1> repeats the title
        lines = lines[1:]
    text = "\n".join(ln for ln in lines if ln)
    if not text:
        return None
    return Page(title=title, text=text, published=_date(html, doc.date), url=url or doc.url)


def _date(html: str, found: str | None) -> str | None:
    """The original publication date: trafilatura's metadata, else htmldate."""
    if found:
        return found[:10]
    try:
        from htmldate import find_date

        return find_date(html, original_date=True, extensive_search=False)
    except Exception:  # noqa: BLE001
        return None
