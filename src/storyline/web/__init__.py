"""The local web page: a timeline, events with their evidence, reports, actors and SQL."""
from __future__ import annotations


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the store read-only with uvicorn until interrupted."""
    import uvicorn

    from .app import create_app

    uvicorn.run(create_app(db_path), host=host, port=port, log_level="info")


__all__ = ["serve"]
