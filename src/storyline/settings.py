"""Every tunable number of Storyline in one place, with why it has its value (trafilatura's settings.py).

Modules import from here; a number that is tuned lives here and nowhere else. Figures quoted are the
measurements that chose the value (docs/event_classifier.md for the event coding ones).
"""
from __future__ import annotations

# --- the Ray engine (scale/ray_runner.py) ---
#: reports per batch sent to a Ray worker: large enough that a batch's round trip and its one DuckDB
#: transaction are cheap against its parse (about 3 s for 32 news reports of 1,000 words on one core)
RAY_BATCH_REPORTS = 32
#: batches queued on each worker at a time: one parsing, one waiting, so no worker waits for the driver
RAY_BATCHES_IN_FLIGHT = 2

# --- event coding: patterns and the learned classifier (events/extract.py, events/combine.py) ---
#: the classifier's probability for its best type above which it codes an event where no pattern fired
CLASSIFIER_MIN_PROB = 0.5
#: the same in a report's lead sentence when no pattern coded an event there (its news is in it)
CLASSIFIER_LEAD_MIN_PROB = 0.25
#: weight of the classifier's probability against the pattern's measured precision in an event's confidence
CLASSIFIER_WEIGHT = 0.15
#: a pattern event whose type the classifier gives less than this, while it gives NONE more than
#: NONE_VETO_PROB, is dropped ("Japan hit a record high in exports" is no attack)
PATTERN_VETO_PROB = 0.03
NONE_VETO_PROB = 0.85
#: a noun's evidence counts this much against a verb's when the classifier's event needs a trigger
NOUN_TRIGGER_FACTOR = 0.5
#: classifier events get this factor on their confidence: a sentence-level guess, not a matched trigger
CLASSIFIER_EVENT_FACTOR = 0.9
#: an event told as background (a relative or participial clause, "after ...", "when ...") gets this factor
#: on its confidence: the sentence's news is its main clause (nlp/clauses.py)
BACKGROUND_EVENT_FACTOR = 0.7
#: an event in the report's lead sentence gets this factor: wire copy tells its news first
LEAD_EVENT_FACTOR = 1.2

# --- key days: salience of a crisis's days (fuse/salience.py) ---
# A report votes for the days it tells: a day its temporal expressions name, the day of a fused event it
# gives evidence for, its own publication day for news it tells undated. Each vote is weighted as below;
# a day's score is the sum of its reports' votes, times its source, novelty and background factors.
# Tuned on the two dev topics of ../shared/data/t17 (figures in bench/timeline.py), no topic-specific rule.
#: a report published after the day it names refers back to it: the strongest sign that the day mattered
SALIENCE_REFERENCE_LATER = 1.0
#: a day still named more than SALIENCE_REMEMBERED_DAYS later is remembered: its references count 1 + this
SALIENCE_REMEMBERED = 1.0
SALIENCE_REMEMBERED_DAYS = 7
#: a report naming its own publication day ("today", "this morning")
SALIENCE_REFERENCE_SAME_DAY = 0.25
#: a report naming a day still ahead (a vote, a deadline): plans, not happenings
SALIENCE_REFERENCE_AHEAD = 0.0
#: a report giving evidence for a fused event dated that day, before the event type's weight
SALIENCE_EVENT = 0.25
#: a report telling undated an event fusion dated from other reports supports its day this much (a report
#: that dates its telling to a week or month supports each of its days by 1 / the days in it)
SALIENCE_UNDATED_EVENT = 0.25
#: news a report tells undated counts for its publication day (the news-coding convention), this much
SALIENCE_NEWS_DAY = 0.2
#: a vote from the report's lead (its first two paragraphs) counts this much more: the lead is its news
SALIENCE_LEAD_BOOST = 0.5
#: a vote from paragraph p counts 1 / (1 + p / SALIENCE_POSITION_DECAY): background sits deeper in a report
SALIENCE_POSITION_DECAY = 40.0
#: a report's votes are divided by (number of days it names) ** this: a chronology is one report, not many
SALIENCE_SPREAD_NORM = 0.25
#: a report's further votes for the same day add this share of their weight to its best one
SALIENCE_REPEAT = 0.0
#: a day told by n distinct outlets (URL hosts) scores 1 + SALIENCE_SOURCES * log(n)
SALIENCE_SOURCES = 0.5
#: the event type's weight: a vote for an event of the type counts 1 + this; other types count 1
SALIENCE_TYPE_WEIGHTS = {"ASSAULT": 1.0, "COERCE": 0.5, "AGREE": 0.5, "RETREAT": 0.3, "SANCTION": 0.3,
                         "MOBILIZE": 0.3, "PROTEST": 0.3}
#: an event between the corpus's most prominent actors counts 1 + this (actors' share of the evidence)
SALIENCE_PROMINENCE = 0.25
#: a day whose events all retell what the previous SALIENCE_NOVELTY_DAYS days told scores 1 - this
SALIENCE_NOVELTY = 0.3
SALIENCE_NOVELTY_DAYS = 7
#: days more than SALIENCE_BACKGROUND_DAYS before the corpus's first report are background (the invasion
#: of years before, retold in every report): they score this share, so they do not crowd out the crisis
SALIENCE_BACKGROUND_FACTOR = 0.25
SALIENCE_BACKGROUND_DAYS = 30
#: evidence spans kept per key day (the best one of each report, strongest first)
KEY_DAY_EVIDENCE = 12
#: key days `storyline timeline`, the web page and the HTML export show unless asked for more
KEY_DAYS_SHOWN = 10
#: key days the web page and the HTML export carry (the first KEY_DAYS_SHOWN open, the rest on request)
KEY_DAYS_LISTED = 60

# --- stories: which reports tell one story (fuse/stories.py) ---
# Tuned on a mixed feed of the two dev topics of ../shared/data/t17 and the examples (tests/integration).
#: hashed dimensions of a report's term vector (collisions stay rare with STORY_TERMS terms a report)
STORY_DIMENSIONS = 4096
#: a report's strongest terms (TF-IDF) that describe it
STORY_TERMS = 200
#: an actor a report names weighs this many times a word
STORY_ACTOR_WEIGHT = 2.0
#: each report is linked to its this many nearest reports ...
STORY_NEIGHBOURS = 15
#: ... when their cosine similarity is at least this
STORY_MIN_SIMILARITY = 0.05
#: Louvain's resolution: below 1 favours fewer, larger stories (a crisis, not each of its episodes)
STORY_RESOLUTION = 0.5

#: an event needs this much confidence to be in the default export (the timeline)
MIN_EXPORT_CONFIDENCE = 0.35
#: an event of a type that normally has a target, exported without one, needs this much confidence
MIN_TARGETLESS_CONFIDENCE = 0.6

# --- scale: throughput, memory and incremental runs on one machine (pipeline.py, store/duck.py) ---
# Measured with bench/scale.py and bench/throughput.py; figures in docs/scaling.md.
#: an insert of at least this many rows goes to DuckDB as one Arrow table (a fixed cost of 1-3 ms, then
#: almost nothing a row); smaller ones as one multi-row INSERT with parameters (about 0.1 ms a row)
SCALE_ARROW_ROWS = 48
#: reports whose analyses are stored in one transaction (a killed run redoes at most this many)
SCALE_SAVE_BATCH = 64
#: an `nlp.pipe` batch closes at this many tokens or SCALE_BATCH_DOCS reports, whichever comes first: short
#: reports go 64 at a time, 2,500-word ones about 16. A memory-for-speed trade (500 reports of 245 words,
#: docs/scaling.md): 64 reports / 40,000 tokens 51 s and 681 MB peak; 10,000 tokens 56 s, 547 MB; 16 reports 59 s, 471 MB
SCALE_BATCH_WORDS = 40_000
SCALE_BATCH_DOCS = 64
