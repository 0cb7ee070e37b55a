"""The FastAPI application: HTML pages at /, a JSON API under /api/, OpenAPI at /docs."""
from __future__ import annotations

from collections.abc import Iterator

import duckdb

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from importlib import resources
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import StoreError
from ..store.duck import Store
from .data import open_store
from .templating import environment


def get_store(request: Request) -> Iterator[Store]:
    """A read-only connection for one request, closed after it (the pipeline may write between)."""
    try:
        store = open_store(request.app.state.db_path)
    except StoreError as exc:
        raise HTTPException(status_code=503, detail=str(exc)) from exc
    try:
        yield store
    finally:
        store.close()


#: host names the page answers to by default: a page reached under another name (DNS rebinding)
#: gets 400, so a web site in the same browser cannot read the store through it
LOCAL_HOSTS = ["localhost", "127.0.0.1", "::1", "[::1]"]

#: sent with every answer: scripts and styles only from this server, no framing, no type sniffing
SECURITY_HEADERS = {
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                                "form-action 'self'; frame-ancestors 'none'"),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def create_app(db_path: str, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The web app over one DuckDB store, opened read-only per request.

    ``allowed_hosts`` adds host names to the local ones the page answers to (``serve --allow-host``).
    """
    from fastapi.middleware.trustedhost import TrustedHostMiddleware

    from . import api, pages

    app = FastAPI(title="Storyline", version=__version__, docs_url=None, redoc_url=None,
                  description="A sourced, dated event timeline built from news reports (read-only).")
    app.state.db_path = str(db_path)
    static = resources.files("storyline.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=[*LOCAL_HOSTS, *(allowed_hosts or [])])

    @app.middleware("http")
    async def _security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        """Swagger UI from the package (vendored): the API page works offline."""
        return HTMLResponse(environment().get_template("docs.html").render(openapi_url=app.openapi_url))

    @app.exception_handler(duckdb.Error)
    async def _store_error(request: Request, exc: duckdb.Error):
        """A store that fails while it is read (damaged, being replaced) is a 503, not a traceback."""
        detail = f"the store cannot be read: {str(exc).splitlines()[0][:200]}"
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": detail}, status_code=503)
        return HTMLResponse(environment().get_template("error.html").render(status=503, detail=detail),
                            status_code=503)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        """JSON errors for the API, an HTML page for people."""
        if request.url.path.startswith("/api/") or request.url.path.startswith("/static/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        html = environment().get_template("error.html").render(status=exc.status_code, detail=exc.detail)
        return HTMLResponse(html, status_code=exc.status_code)

    return app
