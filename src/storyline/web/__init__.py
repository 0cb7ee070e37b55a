"""The local web page: a timeline, events with their evidence, reports, actors and SQL."""
from __future__ import annotations


def serve(db_path: str, host: str = "127.0.0.1", port: int = 8000, allowed_hosts: list[str] | None = None) -> None:
    """Serve the store read-only with uvicorn until interrupted; the page answers to local host
    names, the interface it listens on, and ``allowed_hosts``."""
    import uvicorn

    from .app import create_app
    from .snapshot import drop_all
    from .sqlbox import shutdown

    names = list(allowed_hosts or [])
    if host not in ("0.0.0.0", "::", ""):
        names.append(host)
    try:
        uvicorn.run(create_app(db_path, names), host=host, port=port, log_level="info")
    finally:
        shutdown()
        drop_all()


__all__ = ["serve"]
