"""The export schema compiled to plain Python checks: jsonschema's verdict at a fraction of its cost.

jsonschema walks the schema for every value (8.5 of an export's 10.9 s at 2,000 reports). The export
schema uses a handful of keywords, so it compiles to nested closures that only say valid or not; when
they say not, ``json_export.validate`` asks jsonschema for its message. A schema with a keyword this
module does not know compiles to None, and jsonschema does all the work as before.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

Check = Callable[[Any], bool]

#: keywords that say nothing about validity
_NOTES = {"$schema", "$id", "$comment", "title", "description", "$defs", "definitions", "examples", "default"}


class Unsupported(Exception):
    """A keyword or form this compiler does not know."""


def _is_int(v: Any) -> bool:
    return (isinstance(v, int) and not isinstance(v, bool)) or (isinstance(v, float) and v.is_integer())


def _is_num(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


_TYPES: dict[str, Check] = {
    "string": lambda v: isinstance(v, str), "integer": _is_int, "number": _is_num,
    "boolean": lambda v: isinstance(v, bool), "null": lambda v: v is None,
    "object": lambda v: isinstance(v, dict), "array": lambda v: isinstance(v, list),
}


def compile_schema(schema: dict[str, Any]) -> Check | None:
    """A function that tells whether a value is valid under ``schema``, or None when it cannot be compiled."""
    defs: dict[str, Check] = {}
    raw = schema.get("$defs", {})

    def ref(target: str) -> Check:
        if not target.startswith("#/$defs/") or target[8:] not in raw:
            raise Unsupported(target)
        name = target[8:]

        def check(v: Any) -> bool:
            if name not in defs:
                defs[name] = build(raw[name])
            return defs[name](v)
        return check

    def build(s: Any) -> Check:
        if s is True or s == {}:
            return lambda v: True
        if not isinstance(s, dict):
            raise Unsupported(repr(s))
        checks: list[Check] = []
        for key, arg in s.items():
            if key in _NOTES:
                continue
            checks.append(keyword(key, arg))
        if len(checks) == 1:
            return checks[0]
        return lambda v: all(c(v) for c in checks)

    def keyword(key: str, arg: Any) -> Check:
        if key == "type":
            kinds = [_TYPES[t] for t in ([arg] if isinstance(arg, str) else arg)]
            return kinds[0] if len(kinds) == 1 else (lambda v: any(k(v) for k in kinds))
        if key == "$ref":
            return ref(arg)
        if key == "enum":
            allowed = list(arg)
            return lambda v: any(v == a and type(v) is type(a) for a in allowed)
        if key == "oneOf":
            subs = [build(x) for x in arg]
            return lambda v: sum(1 for c in subs if c(v)) == 1
        if key == "anyOf":
            subs = [build(x) for x in arg]
            return lambda v: any(c(v) for c in subs)
        if key == "required":
            names = list(arg)
            return lambda v: not isinstance(v, dict) or all(n in v for n in names)
        if key == "properties":
            props = {name: build(sub) for name, sub in arg.items()}
            return lambda v: not isinstance(v, dict) or all(props[k](x) for k, x in v.items() if k in props)
        if key == "items":
            item = build(arg)
            return lambda v: not isinstance(v, list) or all(item(x) for x in v)
        if key == "minItems":
            return lambda v: not isinstance(v, list) or len(v) >= arg
        if key == "minLength":
            return lambda v: not isinstance(v, str) or len(v) >= arg
        if key == "pattern":
            search = re.compile(arg).search
            return lambda v: not isinstance(v, str) or search(v) is not None
        if key == "minimum":
            return lambda v: not _is_num(v) or v >= arg
        if key == "maximum":
            return lambda v: not _is_num(v) or v <= arg
        raise Unsupported(key)

    try:
        return build(schema)
    except (Unsupported, KeyError, TypeError, re.error):
        return None
