"""The FastAPI application: HTML pages at /, a JSON API under /api/, OpenAPI at /docs."""
from __future__ import annotations

from collections.abc import Iterator

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


def create_app(db_path: str) -> FastAPI:
    """The web app over one DuckDB store, opened read-only per request."""
    from . import api, pages

    app = FastAPI(title="Storyline", version=__version__,
                  description="A sourced, dated event timeline built from news reports (read-only).")
    app.state.db_path = str(db_path)
    static = resources.files("storyline.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        """JSON errors for the API, an HTML page for people."""
        if request.url.path.startswith("/api/") or request.url.path.startswith("/static/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        html = environment().get_template("error.html").render(status=exc.status_code, detail=exc.detail)
        return HTMLResponse(html, status_code=exc.status_code)

    return app
