"""The one Jinja2 environment, shared by the web pages and the self-contained HTML export."""
from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape


def _url(value: object) -> str:
    """An id made safe for one URL path segment (actor ids may hold ':' or spaces)."""
    return quote(str(value), safe="")


def _http(value: object) -> str:
    """A link only when it is http(s): a report's URL could be ``javascript:``."""
    text = str(value or "")
    return text if text.lower().startswith(("http://", "https://")) else "#"


@lru_cache(maxsize=1)
def environment() -> Environment:
    """Templates from the package, autoescaped: report text is untrusted."""
    env = Environment(loader=PackageLoader("storyline.web", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters["u"] = _url
    env.filters["http"] = _http
    return env
