"""Train Storyline's event classifier (sentence -> PLOVER type + NONE, and mode); reproducible.

    .venv/bin/pip install -e '.[train]'
    .venv/bin/python training/train_events.py [--synthetic ../shared/data/ngec_synthetic_train.jsonl]
        [--dev ../shared/data/plover_gsr_dev.jsonl] [--out src/storyline/resources/events/classifier.json]

Data (see docs/event_classifier.md):
- NGEC's synthetic stories (MIT): the label belongs to the story; its title (placeholders filled) and
  its lead sentence carry the event, the second sentence often does (lower weight);
- our own written, labelled sentences (training/events/written_*.jsonl), weighted up: they are real
  wire style and include NONE sentences and hard cases at the type borders.
The dev sentences (--dev) are only scored, never trained on. Prints 5-fold cross-validated macro F1
on the synthetic set (folds by story), then trains on everything and writes the model as JSON.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storyline.events.classify import NONE  # noqa: E402
from storyline.events.features import FEATURES_VERSION, sentence_features, sentence_vector  # noqa: E402

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
#: NGEC's mode names that the codebook spells otherwise
MODE_FIX = {"primative": "primitive", "sieze": "seize", "martial-law": "curfew"}
FILL = {"{country_1}": ["Peru", "Kenya", "Norway", "Vietnam", "Chile", "Ghana", "Nepal", "Poland"],
        "{country_2}": ["Brazil", "Egypt", "Japan", "Canada", "Turkey", "Ireland", "Zambia", "Laos"],
        "{country_3}": ["Spain", "Mali", "India", "Sweden", "Iraq", "Bolivia", "Greece", "Fiji"],
        "{city}": ["Lima", "Nairobi", "Oslo", "Hanoi", "Accra", "Warsaw", "Cairo", "Quito"]}
SEED = 13
W_LEAD, W_SECOND = 1.0, 0.35
WEIGHTS = {"title": 0.6, "written": 3.0, "codebook": 1.0}


def _fill(title: str, rnd: random.Random) -> str:
    for k, opts in FILL.items():
        title = title.replace(k, rnd.choice(opts))
    return title


def _mode(typ: str, mode: str | None) -> str:
    m = (mode or "").strip().lower()
    return f"{typ}.{MODE_FIX.get(m, m)}"


def load_examples(synthetic: Path) -> list[dict]:
    """(text, label, mode label, weight, group) rows before parsing; sentences are cut after parsing."""
    rnd = random.Random(SEED)
    rows: list[dict] = []
    seen_titles: set[str] = set()
    for i, line in enumerate(synthetic.read_text(encoding="utf-8").splitlines()):
        if not line.strip():
            continue
        r = json.loads(line)
        typ = r["type"].upper()
        mode = _mode(typ, r.get("mode"))
        rows.append({"text": r["text"].split("\n\n")[0], "label": typ, "mode": mode, "group": f"s{i}",
                     "kind": "lead", "synthetic": True})
        if r["title"] not in seen_titles:
            seen_titles.add(r["title"])
            rows.append({"text": _fill(r["title"], rnd), "label": typ, "mode": mode, "group": f"s{i}",
                         "kind": "title", "synthetic": True})
    codebook = synthetic.parent / "plover_codebook.csv"
    if codebook.exists():  # the definitions themselves: the verbs each type is defined by
        import csv

        with codebook.open(encoding="utf-8") as fh:
            for j, r in enumerate(csv.DictReader(fh)):
                typ = r["event"].strip().upper()
                for k, text in (("d", r["event_def"]), ("m", r["mode_def"])):
                    if text.strip():
                        rows.append({"text": text.strip(), "label": typ, "mode": _mode(typ, r["mode"]),
                                     "group": f"codebook{j}{k}", "kind": "codebook", "synthetic": False})
    for path in sorted((ROOT / "training" / "events").glob("written_*.jsonl")):
        for j, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                r = json.loads(line)
                typ = r["type"].upper()
                rows.append({"text": r["text"], "label": typ, "mode": _mode(typ, r.get("mode")) if typ != NONE
                             else None, "group": f"{path.stem}{j}", "kind": "written", "synthetic": False})
    return rows


def featurise(rows: list[dict], cache_path: Path) -> list[dict]:
    """Parse once (the product's own pipeline), cache features by text; a lead gives sentence 1 and 2."""
    import pickle

    from storyline.nlp import load_nlp

    cache = pickle.loads(cache_path.read_bytes()) if cache_path.exists() else {}
    key = lambda t: hashlib.sha1(t.encode()).hexdigest()[:16]  # noqa: E731
    todo = [r["text"] for r in rows if key(r["text"]) not in cache]
    if todo:
        nlp = load_nlp(with_actors=False)
        t0 = time.time()
        for n, doc in enumerate(nlp.pipe(dict.fromkeys(todo), batch_size=64)):
            cache[key(doc.text)] = [(sentence_features(s), sentence_vector(s)) for s in doc.sents]
            if n % 500 == 0:
                print(f"  parsed {n} ({time.time() - t0:.0f}s)", file=sys.stderr)
        cache_path.parent.mkdir(parents=True, exist_ok=True)
        cache_path.write_bytes(pickle.dumps(cache))
    out = []
    for r in rows:
        sents = cache[key(r["text"])]
        if not sents:
            continue
        if r["kind"] == "lead":
            out.append({**r, "feats": sents[0][0], "vector": sents[0][1], "weight": W_LEAD})
            if len(sents) > 1:
                out.append({**r, "feats": sents[1][0], "vector": sents[1][1], "weight": W_SECOND, "kind": "second"})
        else:
            out.append({**r, "feats": [f for s in sents for f in s[0]], "vector": np.mean([s[1] for s in sents], axis=0),
                        "weight": WEIGHTS[r["kind"]]})
    return out


def vocabulary(rows: list[dict], min_count: int) -> dict[str, int]:
    c = Counter(f for r in rows for f in set(r["feats"]))
    return {f: i for i, f in enumerate(sorted(f for f, n in c.items() if n >= min_count))}


def matrix(rows: list[dict], vocab: dict[str, int]):
    """Sparse binary features, then the parse's dense sentence vector (events/features.py)."""
    from scipy.sparse import csr_matrix, hstack

    ind, ptr = [], [0]
    for r in rows:
        cols = sorted({vocab[f] for f in r["feats"] if f in vocab})
        ind += cols
        ptr.append(len(ind))
    X = csr_matrix((np.ones(len(ind), dtype=np.float32), ind, ptr), shape=(len(rows), len(vocab)))
    D = np.vstack([r["vector"] for r in rows]).astype(np.float32)
    return hstack([X, csr_matrix(D)]).tocsr()


def fit(rows: list[dict], labels: list[str], vocab: dict[str, int], c: float, balanced: bool = True):
    from sklearn.linear_model import LogisticRegression

    X, y = matrix(rows, vocab), np.array(labels)
    w = np.array([r["weight"] for r in rows])
    if balanced:  # each class weighs the same in all (the synthetic set is 775 CONCEDE to 79 AID)
        cw = Counter()
        for lab, ww in zip(y, w):
            cw[lab] += ww
        mean = sum(cw.values()) / len(cw)
        w = w * np.array([mean / cw[lab] for lab in y])
    m = LogisticRegression(C=c, max_iter=3000)
    m.fit(X, y, sample_weight=w)
    return m


def macro_f1(gold: list[str], pred: list[str], classes: list[str]) -> float:
    f1s = []
    for t in classes:
        tp = sum(g == p == t for g, p in zip(gold, pred))
        fp = sum(p == t and g != t for g, p in zip(gold, pred))
        fn = sum(g == t and p != t for g, p in zip(gold, pred))
        if tp + fn == 0:
            continue
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return sum(f1s) / max(1, len(f1s))


def cross_validate(rows: list[dict], c: float, min_count: int, folds: int = 5) -> float:
    """Macro F1 over the 16 types on held-out synthetic leads, folds by story."""
    groups = sorted({r["group"] for r in rows if r["synthetic"]})
    random.Random(SEED).shuffle(groups)
    fold_of = {g: i % folds for i, g in enumerate(groups)}
    gold, pred = [], []
    for k in range(folds):
        train = [r for r in rows if fold_of.get(r["group"], -1) != k]
        test = [r for r in rows if fold_of.get(r["group"], -1) == k and r["kind"] == "lead"]
        vocab = vocabulary(train, min_count)
        m = fit(train, [r["label"] for r in train], vocab, c)
        p = m.predict_proba(matrix(test, vocab))
        classes = list(m.classes_)
        for r, row in zip(test, p):
            order = np.argsort(-row)
            best = classes[order[0]] if classes[order[0]] != NONE else classes[order[1]]
            gold.append(r["label"])
            pred.append(best)
    return macro_f1(gold, pred, TYPES)


def dev_score(model, vocab: dict[str, int], dev: Path) -> dict:
    """Type accuracy and macro F1 of the classifier alone on the dev sentences (measuring only)."""
    from storyline.nlp import load_nlp

    recs = [json.loads(x) for x in dev.read_text().splitlines() if x.strip()]
    nlp = load_nlp(with_actors=False)
    rows = []
    for r, doc in zip(recs, nlp.pipe([r["text"] for r in recs])):
        sents = list(doc.sents)
        rows.append({"feats": [f for s in sents for f in sentence_features(s)], "label": r["type"],
                     "vector": np.mean([sentence_vector(s) for s in sents], axis=0)})
    p = model.predict_proba(matrix(rows, vocab))
    classes = list(model.classes_)
    pred = [classes[int(np.argmax(x))] for x in p]
    acc = sum(g["label"] == q for g, q in zip(rows, pred)) / len(rows)
    return {"acc": round(acc, 3), "macro_f1": round(macro_f1([r["label"] for r in rows], pred, TYPES), 3),
            "none": sum(q == NONE for q in pred)}


def export_linear(model, vocab: dict[str, int], keep: float = 0.02) -> dict:
    """Weights as scaled integers; features whose every weight is near zero are dropped (a small file)."""
    coef = model.coef_.T  # (features [+ dense], labels)
    n = len(vocab)
    inv = {i: f for f, i in vocab.items()}
    keep_rows = [i for i in range(n) if np.abs(coef[i]).max() >= keep]
    scale = 1000.0
    out = {"labels": list(model.classes_), "features": [inv[i] for i in keep_rows], "scale": scale,
           "weights": np.round(coef[keep_rows] * scale).astype(int).tolist(),
           "bias": [round(float(b), 4) for b in model.intercept_]}
    if coef.shape[0] > n:
        out["dense"] = np.round(coef[n:] * scale).astype(int).tolist()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--synthetic", type=Path, default=ROOT.parent / "shared" / "data" / "ngec_synthetic_train.jsonl")
    ap.add_argument("--dev", type=Path, default=None, help="score on these sentences (never trained on)")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "storyline" / "resources" / "events" / "classifier.json")
    ap.add_argument("--c", type=float, default=0.25)
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--no-cv", action="store_true")
    a = ap.parse_args()
    examples = load_examples(a.synthetic)
    rows = featurise(examples, ROOT / "training" / ".cache" / f"features-v{FEATURES_VERSION}.pickle")
    print(f"examples: {len(rows)} ({Counter(r['kind'] for r in rows)})")
    print("labels:", dict(Counter(r["label"] for r in rows)))
    if not a.no_cv:
        print(f"5-fold cross-validated macro F1 (synthetic leads, 16 types): {cross_validate(rows, a.c, a.min_count):.3f}")
    vocab = vocabulary(rows, a.min_count)
    types = fit(rows, [r["label"] for r in rows], vocab, a.c)
    mode_rows = [r for r in rows if r.get("mode") and not r["mode"].endswith(".")]
    modes = fit(mode_rows, [r["mode"] for r in mode_rows], vocab, a.c) if mode_rows else None
    if a.dev:
        print("dev (classifier alone):", dev_score(types, vocab, a.dev))
    out = {"meta": {"trained": "training/train_events.py", "c": a.c, "min_count": a.min_count,
                    "examples": len(rows), "vocabulary": len(vocab)},
           "types": export_linear(types, vocab), "modes": export_linear(modes, vocab) if modes else None}
    a.out.write_text(json.dumps(out, separators=(",", ":")))
    print(f"wrote {a.out} ({a.out.stat().st_size / 1e6:.1f} MB, {len(out['types']['features'])} features)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
