"""The spaCy component 'storyline_actors': mentions and actors on every Doc, tables built once."""
from __future__ import annotations

from datetime import date
from typing import Iterable, Iterator

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from .catalogue import RESOURCES, as_date, load_catalogue
from .resolve import Annotator, report_date

for _name in ("dct", "actor_mentions", "actors"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


class ActorsComponent:
    """Fills Doc._.actor_mentions and Doc._.actors.

    Titles ("the US president") resolve by the report's date, Doc._.dct. When it is None, by
    ``report_date(text)``: the latest full date in the text, else the latest month and year,
    else the latest year cue ("in 2014"), else the most recent holder of the office. The
    pipeline infers missing publication dates only after this component ran; a report whose
    date is inferred later keeps the holders chosen here.
    """

    def __init__(self, nlp: Language, name: str = "storyline_actors"):
        with open(RESOURCES / "offices.yaml", encoding="utf-8") as fh:
            settings = yaml.safe_load(fh)
        self.name = name
        self.annotator = Annotator(nlp, load_catalogue(), settings)

    def __call__(self, doc: Doc) -> Doc:
        when = as_date(doc._.dct) or report_date(doc.text)
        mentions, actors = self.annotator(doc, when)
        doc._.actor_mentions = mentions
        doc._.actors = actors
        return doc


@Language.factory("storyline_actors")
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    """Factory so `nlp.add_pipe("storyline_actors")` works after `import storyline.actors`."""
    return ActorsComponent(nlp, name)


def pipe_with_dates(nlp: Language, items: Iterable[tuple[str, date | str | None]],
                    batch_size: int = 16, n_process: int = 1) -> Iterator[Doc]:
    """Run nlp over (text, report date) pairs so titles resolve by each report's own date."""
    def docs() -> Iterator[Doc]:
        for text, dct in items:
            doc = nlp.make_doc(text)
            doc._.dct = as_date(dct)
            yield doc
    return nlp.pipe(docs(), batch_size=batch_size, n_process=n_process)
