"""`nlp.pipe` batches are sized by words: many short reports a batch, few long ones, a giant one alone."""
from __future__ import annotations

from storyline import settings
from storyline.pipeline import word_batches


def _sized(*lengths: int) -> list[tuple]:
    return [(["w"] * n, k) for k, n in enumerate(lengths)]


def test_batches_close_at_the_word_budget_and_keep_the_order():
    budget = settings.SCALE_BATCH_WORDS
    items = _sized(budget // 2, budget // 2, budget // 2, 3 * budget, 10)
    batches = list(word_batches(items))
    assert [[k for _, k in b] for b in batches] == [[0, 1], [2], [3], [4]]


def test_short_reports_go_many_at_a_time_up_to_the_cap():
    items = _sized(*[5] * (2 * settings.SCALE_BATCH_DOCS + 1))
    assert [len(b) for b in word_batches(items)] == [settings.SCALE_BATCH_DOCS, settings.SCALE_BATCH_DOCS, 1]
