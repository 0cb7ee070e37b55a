"""Every tunable number of Storyline in one place, with why it has its value (trafilatura's settings.py).

Modules import from here; a number that is tuned lives here and nowhere else. Figures quoted are the
measurements that chose the value (docs/event_classifier.md for the event coding ones).
"""
from __future__ import annotations

# --- event coding: patterns and the learned classifier (events/extract.py, events/combine.py) ---
#: the classifier's probability for its best type above which it codes an event where no pattern fired
CLASSIFIER_MIN_PROB = 0.45
#: weight of the classifier's probability against the pattern's measured precision in an event's confidence
CLASSIFIER_WEIGHT = 0.5
#: a pattern event whose type the classifier gives less than this, while it gives NONE more than
#: NONE_VETO_PROB, is dropped ("Japan hit a record high in exports" is no attack)
PATTERN_VETO_PROB = 0.03
NONE_VETO_PROB = 0.6
#: classifier events get this factor on their confidence: a sentence-level guess, not a matched trigger
CLASSIFIER_EVENT_FACTOR = 0.9
