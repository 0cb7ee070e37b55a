"""The learned half of event coding: sentence -> PLOVER type (16 + NONE) and mode, with probabilities.

A multinomial logistic regression over the parse features of ``features.sentence_features``, trained by
``training/train_events.py`` and shipped as package data (``resources/events/classifier.json``); numpy
only at run time, no download, no GPU. The model card is ``docs/event_classifier.md``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np
from spacy.tokens import Span

from ..errors import ModelError
from .features import sentence_features, sentence_vector

NONE = "NONE"
_FILE = "classifier.json"


@dataclass(frozen=True)
class Linear:
    """One softmax layer over sparse binary features, plus the parse's dense sentence vector."""

    labels: tuple[str, ...]
    index: dict[str, int]
    weights: np.ndarray   # (features, labels)
    bias: np.ndarray      # (labels,)
    dense: np.ndarray | None = None  # (vector dims, labels)
    temperature: float = 1.0

    def logits(self, feats: list[str], dense: np.ndarray | None = None) -> np.ndarray:
        rows = [self.index[f] for f in dict.fromkeys(feats) if f in self.index]
        z = self.bias + (self.weights[rows].sum(axis=0) if rows else 0.0)
        if self.dense is not None and dense is not None:
            z = z + dense @ self.dense
        return z

    def probs(self, feats: list[str], dense: np.ndarray | None = None) -> np.ndarray:
        z = self.logits(feats, dense) / self.temperature
        z = np.exp(z - z.max())
        return z / z.sum()

    @classmethod
    def from_dict(cls, d: dict) -> Linear:
        feats = d["features"]
        w = np.asarray(d["weights"], dtype=np.float32) / d["scale"]
        dense = np.asarray(d["dense"], dtype=np.float32) / d["scale"] if d.get("dense") else None
        return cls(labels=tuple(d["labels"]), index={f: i for i, f in enumerate(feats)}, weights=w,
                   bias=np.asarray(d["bias"], dtype=np.float32), dense=dense,
                   temperature=float(d.get("temperature", 1.0)))


@dataclass(frozen=True)
class Classifier:
    """The type model and the mode model (modes are "TYPE.mode" labels, read within the chosen type)."""

    types: Linear
    modes: Linear | None
    meta: dict

    def type_probs(self, sent: Span) -> dict[str, float]:
        """PLOVER type (or NONE) -> probability for one sentence."""
        return self.type_probs_of(sentence_features(sent), sentence_vector(sent))

    def type_probs_of(self, feats: list[str], vector: np.ndarray | None = None) -> dict[str, float]:
        p = self.types.probs(feats, vector)
        return {lab: float(x) for lab, x in zip(self.types.labels, p)}

    def mode_of(self, feats: list[str], typ: str, vector: np.ndarray | None = None) -> str | None:
        """The likeliest mode of ``typ`` for these features, or None when the type has no modes."""
        if self.modes is None:
            return None
        p = self.modes.probs(feats, vector)
        best = [(x, lab) for lab, x in zip(self.modes.labels, p) if lab.split(".", 1)[0] == typ]
        if not best:
            return None
        lab = max(best)[1]
        return lab.split(".", 1)[1] or None


@lru_cache(maxsize=1)
def classifier() -> Classifier:
    """The shipped model, loaded once per process."""
    try:
        raw = json.loads(resources.files("storyline.resources").joinpath("events", _FILE).read_text("utf-8"))
    except FileNotFoundError as exc:  # pragma: no cover - a broken install
        raise ModelError(f"the event classifier ({_FILE}) is missing: run `python training/train_events.py`") \
            from exc
    return Classifier(types=Linear.from_dict(raw["types"]),
                      modes=Linear.from_dict(raw["modes"]) if raw.get("modes") else None,
                      meta=raw.get("meta", {}))


__all__ = ["NONE", "Classifier", "Linear", "classifier"]
