"""Bytes to text, or a clear reason why these bytes are not a report."""
from __future__ import annotations

from ..errors import E002, E003

#: encodings tried in turn; Latin-1 is not among them because it accepts any byte and so hides binary junk
ENCODINGS = ("utf-8-sig", "cp1252")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB mean it is not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and control / len(head) > 0.05


def decode(data: bytes) -> str:
    """Decode report bytes; raises ValueError with an E-code message when it cannot."""
    if looks_binary(data):
        raise ValueError(E002)
    for enc in ENCODINGS:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise ValueError(E003)
