"""Scale-out: the per-report analysis on a Ray cluster when a corpus outgrows one machine."""
from .ray_runner import analyse_with_ray

__all__ = ["analyse_with_ray"]
