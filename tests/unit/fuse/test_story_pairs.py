"""Story linking compares only reports that can be similar enough, and misses none of them."""
from __future__ import annotations

import itertools
import random

from storyline.fuse.stories import MIN_JACCARD, WINDOW, _similar_pairs


def test_prefix_filter_keeps_every_similar_pair_and_drops_most_others():
    rng = random.Random(7)
    actors = [f"a{i}" for i in range(30)]
    cast = {f"d{i:03d}": set(rng.sample(actors, rng.randint(1, 6))) for i in range(WINDOW)}
    similar = {(a, b) for a, b in itertools.combinations(sorted(cast), 2)
               if len(cast[a] & cast[b]) / len(cast[a] | cast[b]) >= MIN_JACCARD}
    candidates = _similar_pairs(cast, sorted(cast))
    assert similar and similar <= candidates
    assert len(candidates) < len(cast) * (len(cast) - 1) / 2
