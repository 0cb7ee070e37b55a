#!/usr/bin/env python3
"""Rebuild src/storyline/resources/actors/catalogue.jsonl from the YAML sources, then validate.

    .venv/bin/python scripts/actors_build.py
"""
import sys

from storyline.actors.build import validate, write_catalogue

if __name__ == "__main__":
    n = write_catalogue()
    problems = validate()
    print(f"wrote {n} actors; {len(problems)} problems")
    print("\n".join(problems))
    sys.exit(1 if problems else 0)
