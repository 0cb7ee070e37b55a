"""Bytes to text, or a clear reason why these bytes are not a report."""
from __future__ import annotations

import codecs

from ..errors import E002, E003

#: encodings tried in turn after a byte-order mark; Latin-1 comes last, only for the few bytes
#: Windows-1252 leaves undefined, and only when they are rare (many of them mean it is not text)
ENCODINGS = ("utf-8-sig", "cp1252")
#: byte-order marks of the UTF-16 and UTF-32 files Windows tools write (UTF-32 first: it starts like UTF-16 LE)
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
#: share of characters that may be Latin-1 control codes (bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D) in a text
MAX_LATIN1_CONTROLS = 0.01


def _latin1_holes(err: UnicodeDecodeError) -> tuple[str, int]:
    """Windows-1252 leaves five bytes undefined; Latin-1 reads them as control codes."""
    return err.object[err.start:err.end].decode("latin-1"), err.end


codecs.register_error("storyline-latin1", _latin1_holes)


def bom_encoding(data: bytes) -> str | None:
    """The UTF-16/32 encoding a byte-order mark announces, if any."""
    return next((enc for bom, enc in BOMS if data.startswith(bom)), None)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB mean it is not text."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return bool(head) and control / len(head) > 0.05


def decode(data: bytes) -> str:
    """Decode report bytes; raises ValueError with an E-code message when it cannot."""
    wide = bom_encoding(data)
    if wide:
        try:
            return data.decode(wide).lstrip("\ufeff")
        except UnicodeDecodeError as exc:
            raise ValueError(E003) from exc
    if looks_binary(data):
        raise ValueError(E002)
    for enc in ENCODINGS:
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    text = data.decode("cp1252", errors="storyline-latin1")
    holes = sum(1 for ch in text if "\x80" <= ch <= "\x9f")
    if holes <= max(1, MAX_LATIN1_CONTROLS * len(text)):
        return text
    raise ValueError(E003)
