"""Plain-text cleaning keeps every story line and drops the page furniture around it."""
from __future__ import annotations

from storyline.clean import clean_document
from storyline.clean.boilerplate import clean_lines
from storyline.clean.dateline import find_dateline
from storyline.errors import InputSkipped
from storyline.model import Document

import pytest

STORY = [
    "The two delegations met in Geneva on Monday for their first talks in months.",
    "- Advertisement -",
    "Officials said the meeting lasted four hours and covered prisoner exchanges.",
    "Next steps",
    "A second round is expected later this month, according to a statement from the hosts.",
    "*",
    "Sign up for our daily newsletter to get the latest news in your inbox",
    "The hosts said both sides had agreed to keep the channel open.",
    "Related Stories",
    "Ten Best Beaches To Visit This Summer",
    "Celebrity Chef Opens New Restaurant Downtown",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Anna Berg is a senior correspondent covering diplomacy and security for the site.",
    "© 2023 Example Media Group. All rights reserved.",
]


def test_story_lines_kept_furniture_removed():
    kept, removed = clean_lines(STORY)
    assert kept == [STORY[0], STORY[2], STORY[3], STORY[4], STORY[7]]
    assert "Ten Best Beaches To Visit This Summer" in removed
    assert "Anna Berg is a senior correspondent covering diplomacy and security for the site." in removed


def test_a_mid_article_cue_does_not_eat_the_rest_of_the_story():
    lines = ["The ministers met in Geneva on Monday to discuss the prisoner exchange in detail.",
             "Check Also", "Famous Singer Announces World Tour",
             "The ministers in Geneva said the prisoner exchange would take place next week.",
             "Both ministers described the Geneva talks on the exchange as constructive and detailed."]
    kept, removed = clean_lines(lines)
    assert removed == ["Check Also", "Famous Singer Announces World Tour"]
    assert kept == [lines[0], lines[3], lines[4]]


def test_unrelated_teaser_prose_after_a_tail_cue_is_removed():
    lines = ["Rebels shelled the northern town overnight, local officials said on Tuesday morning.",
             "The officials said the shelling of the northern town damaged a hospital and two schools.",
             "You might also like",
             "A new smartphone with a foldable screen and longer battery life goes on sale this autumn."]
    kept, _ = clean_lines(lines)
    assert kept == lines[:2]


def test_dateline_gives_the_publication_date():
    assert find_dateline(["December 8, 2021\u2013In a virtual meeting held on Tuesday..."])[0] == "2021-12-08"
    assert find_dateline(["GENEVA, 10 January 2022 - Talks opened..."])[0] == "2022-01-10"
    assert find_dateline(["The talks of December 8, 2021 were short."]) is None


def test_clean_document_records_what_it_removed_and_hashes_the_body():
    doc = clean_document(Document(id="x", title="Talks", body="\n".join(STORY)))
    assert "Leave a Reply" in doc.removed and "Leave a Reply" not in doc.body
    assert doc.content_hash and doc.published is None and "no date" in doc.published_note
    again = clean_document(Document(id="y", title="Talks", body="\n\n".join(STORY).upper()))
    assert again.content_hash == doc.content_hash


def test_non_english_text_is_skipped():
    text = ("Die Minister beider Länder trafen sich am Montag in Wien, um über die Waffenruhe zu sprechen. "
            "Die Gespräche dauerten sechs Stunden und endeten ohne gemeinsame Erklärung, sagten Beamte. ") * 2
    with pytest.raises(InputSkipped, match="E009"):
        clean_document(Document(id="de", title="Gespräche", body=text))


def test_only_furniture_is_skipped():
    with pytest.raises(InputSkipped, match="E005"):
        clean_document(Document(id="f", title="t", body="Leave a Reply\n- Advertisement -\n*"))


def test_nothing_after_the_comment_form_is_story():
    lines = ["Rescue teams reached the flooded valley villages on Sunday, the regional governor said.",
             "Leave a Reply", "Your email address will not be published. Required fields are marked *",
             "Post Comment",
             "Tomas Berg covers floods and climate in the northern valley region for the Courier."]
    kept, removed = clean_lines(lines)
    assert kept == lines[:1] and removed == lines[1:]


def test_newsletter_prompts_and_bios_in_other_shapes():
    lines = ["Rescue teams reached the flooded valley villages on Sunday, the regional governor said.",
             "Newsletter: Get the Courier weekly digest every Sunday. Subscribe now",
             "More rain is expected in the valley on Monday, forecasters said.",
             "Related Stories", "Ten Quiet Beaches For Your Next Holiday",
             "Tomas Berg is the Courier's northern valley correspondent, based in Umea."]
    kept, _ = clean_lines(lines)
    assert kept == [lines[0], lines[2]]
