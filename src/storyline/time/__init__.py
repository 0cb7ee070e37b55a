from storyline.time.normalize import normalize

__all__ = ["normalize"]
