"""Which report keeps which id when inputs repeat, whatever order they come in.

Two rules, both independent of input order, so two runs over the same inputs in any order store
the same reports under the same ids (and so fuse the same events under the same ids):

- the same cleaned text under several ids: the smallest id is kept, the others are E008 duplicates;
- different texts under one id: the smallest content hash keeps the id, the others become
  ``id~<first 8 characters of their hash>``.

A stored report that has to give way is removed or renamed; a renamed one is analysed again.
"""
from __future__ import annotations

from ..model import Document
from .duck import Store

SUFFIX = 9  # "~" and eight hex digits


def given_id(doc: Document) -> str:
    """The id a report came with, before a clash added its hash."""
    tail = "~" + doc.content_hash[:8]
    return doc.id[:-SUFFIX] if doc.content_hash and doc.id.endswith(tail) else doc.id


def with_text(store: Store, content_hash: str) -> Document | None:
    """The stored report with this cleaned text, if any."""
    row = store.con.execute("SELECT id FROM documents WHERE content_hash = ? LIMIT 1", [content_hash]).fetchone()
    return store.document(row[0]) if row else None


def named(store: Store, given: str) -> list[Document]:
    """Stored reports that came with this id (some renamed 'id~hash'), smallest hash first."""
    rows = store.con.execute("SELECT id FROM documents WHERE id = ? OR (starts_with(id, ?) AND length(id) = ?)",
                             [given, given + "~", len(given) + SUFFIX]).fetchall()
    docs = [d for d in store.documents_by_ids([r[0] for r in rows]) if given_id(d) == given]
    return sorted(docs, key=lambda d: d.content_hash)


def rename(store: Store, doc: Document, new_id: str) -> None:
    """Store a report under another id; its analysis is dropped and redone."""
    store.drop_document(doc.id)
    doc.id = new_id
    store.add_document(doc)


def settle(store: Store, given: str) -> None:
    """Give the plain id to the smallest hash among the reports that came with it, 'id~hash' to the rest."""
    docs = named(store, given)
    wanted = {d.content_hash: (given if k == 0 else f"{given}~{d.content_hash[:8]}") for k, d in enumerate(docs)}
    # first move reports off the plain id, then give it to its new holder: ids never clash
    for d in sorted(docs, key=lambda d: wanted[d.content_hash] == given):
        if d.id != wanted[d.content_hash]:
            rename(store, d, wanted[d.content_hash])
