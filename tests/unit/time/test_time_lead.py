"""The lead's weekday and the report's day: news is told the day of its lead happening or the next, the
same day a little likelier; the lead's own words (night, "today", "yesterday") shift the choice.

An invented crisis: Norland shells Sutria on Saturday, June 8, 2024; the reports are crawled pages
with a capture day and no date of their own."""
import pytest

from storyline.model import Document
from storyline.time import infer_published
from storyline.time.constraints import LEAD_AFTER, LEAD_SAME, LEAD_UNLIKELY, lead_weights

SATURDAY, SUNDAY = "2024-06-08", "2024-06-09"


@pytest.mark.parametrize("lead,want,cue", [
    ("Norland shelled Sutria on Saturday, officials said.", SATURDAY, ""),
    ("Norland shelled Sutria on Saturday night, officials said.", SUNDAY, "(late)"),
    ("Norland shelled Sutria late on Saturday, officials said.", SUNDAY, "(late)"),
    # "today" of another happening: the writer would have called Saturday "today" too
    ("Norland shelled Sutria on Saturday. Talks are set to resume today in Velmar.", SUNDAY, "(names today)"),
    ("Sutria said today that Norland shelled its border villages on Saturday.", SUNDAY, "(names today)"),
    # "yesterday" of the same happening in another sentence: Saturday was the day before
    ("Norland shelled Sutria on Saturday. Residents said yesterday's shelling was the heaviest yet.", SUNDAY,
     "(yesterday too)"),
    ("Norland shelled Sutria late on Saturday. Residents said today's shelling was the heaviest yet.", SATURDAY,
     "(late, today too)"),
    # "yesterday" of another happening says nothing of Saturday; a quoted "today" is the speaker's day
    ("Norland shelled Sutria on Saturday. Sutria held talks with Velmar yesterday.", SATURDAY, ""),
    ("\"We will respond today,\" Sutria said after Norland shelled its border villages on Saturday.", SATURDAY, ""),
])
@pytest.mark.parametrize("captured", ["2024-06-09", "2024-06-10"])
def test_the_lead_weekday_and_its_cues_pick_the_day(lead, want, cue, captured):
    doc = Document(id="x", captured=captured, body=lead + "\nResidents fled to the hills.")
    day, conf, note = infer_published([doc])["x"]
    assert day == want and conf > 0, note
    assert (cue in note) if cue else "(" not in note.split("lead", 1)[1]


@pytest.mark.parametrize("cues,same,after", [
    (frozenset(), LEAD_SAME, LEAD_AFTER),
    (frozenset({"late"}), LEAD_AFTER, LEAD_SAME),
    (frozenset({"names today"}), LEAD_UNLIKELY, LEAD_SAME),
    (frozenset({"yesterday too"}), LEAD_UNLIKELY, LEAD_SAME),
    (frozenset({"today too"}), LEAD_SAME, LEAD_UNLIKELY),
    (frozenset({"late", "today too"}), LEAD_SAME, LEAD_UNLIKELY),  # said outright beats the time of day
])
def test_lead_weights(cues, same, after):
    assert lead_weights(cues) == (same, after)
    assert LEAD_SAME > LEAD_AFTER > LEAD_UNLIKELY > 0  # the same day a little likelier than the next
