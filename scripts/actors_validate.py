#!/usr/bin/env python3
"""Check the actor catalogue: unique ids, ambiguous names ruled, offices not double-held, table fresh.

    .venv/bin/python scripts/actors_validate.py
"""
import sys

from storyline.actors.build import check_built, validate

if __name__ == "__main__":
    problems = validate() + check_built()
    print("\n".join(problems) or "catalogue OK")
    sys.exit(1 if problems else 0)
