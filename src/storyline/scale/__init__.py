"""Scale-out: the analysis on a Ray cluster when a corpus outgrows one machine (docs/scaling.md)."""
from .corpus import sharded_story_key_days
from .ray_runner import RayEngine, analyse_with_ray, connect, session

__all__ = ["RayEngine", "analyse_with_ray", "connect", "session", "sharded_story_key_days"]
