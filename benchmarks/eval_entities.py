"""Score kg's entity mentions (and raw spaCy NER, same run) on WiNER-style gold spans.

Usage: python benchmarks/eval_entities.py DATA.jsonl [--model fr_core_news_md]
       [--offset N] [--limit N] [--examples 3] [--top 15] [--show KIND] [--no-raw]
       [--mode extraction|ents|both]

``--offset``/``--limit`` select documents ``[offset, offset + limit)``, so rules can be tuned
on one part of a file and checked on the rest (e.g. ``--limit 400`` to tune,
``--offset 400`` to check on text the rules were not tuned on).

Input: one JSON object per line with ``id``, ``text``, ``date`` (optional) and ``entities``
(``start``, ``end``, ``label``, ``text``; offsets are Python string indices into ``text``).

Convention (documented in docs/decisions/0003-entity-resolution.md):

- Scored types: ``Person`` (PER), ``Location`` (LOC) and ``Organization`` (ORG). kg's
  ``Country`` and ``Place`` both emit ``LOC`` in ``doc.ents``, so they count as Location.
- Gold spans nest ("Grande Mosquée de *Valence*"). The scored gold set is the *outermost*
  PER/LOC/ORG spans: those not strictly inside another PER/LOC/ORG gold span. A gold span
  nested inside one of those is *neutral*: predicting it exactly (same type) is neither a
  hit nor a false positive. PER/LOC/ORG spans inside Event, Date or Product spans are
  outermost for this purpose and are scored ("Jeux olympiques de *Rio*").
- A prediction is correct when its character span and type equal a scored gold span.
- kg's predictions (``--mode extraction``, the default) are what the official protocol
  scores: the mentions of every ``Person``, ``Organization``, ``Country`` and ``Place``
  entity that ``kg build`` writes to ``extraction.jsonl`` (the same build path, in this
  process: :func:`kg.build`, so cross-document resolution, duplicate removal and language
  screening apply). They are reported twice: every mention (how the issue's held-out
  figures were measured: a reader who ignores ``kind``) and the named mentions only
  (``kind`` ``name``: WiNER annotates names, so "la police" acting in a fact is an
  organisation of the graph but no named-entity mention). ``--mode ents`` scores
  ``doc.ents`` of the full pipeline instead (the NER layer, which leaves out nominal and
  demonym mentions, repeats and products); ``--mode both`` reports the two. Raw spaCy's
  are the ``PER``/``LOC``/``ORG`` entities of the same model loaded plainly.

Errors are grouped by kind (boundary, type confusion, missed acronym, spurious title…) so
the most frequent causes are visible; ``--show KIND`` prints every example of one kind.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

GOLD_TYPES = {"Person": "PER", "Location": "LOC", "Organization": "ORG"}
#: kg entity types as the official protocol scores them (Country and Place are Location).
KG_TYPES = {"Person": "PER", "Country": "LOC", "Place": "LOC", "Organization": "ORG"}
TYPES = ("PER", "LOC", "ORG")

Span = tuple[int, int, str]


def read_gold(path: Path, limit: int | None, offset: int = 0) -> list[dict]:
    """Documents ``[offset, offset + limit)`` of a JSONL file (all from ``offset`` if no limit)."""
    docs = []
    seen = 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            seen += 1
            if seen <= offset:
                continue
            docs.append(json.loads(line))
            if limit and len(docs) >= limit:
                break
    return docs


def gold_sets(entities: list[dict]) -> tuple[set[Span], set[Span], list[tuple[int, int, str]]]:
    """Return (scored outermost PER/LOC/ORG spans, neutral nested spans, other gold spans)."""
    typed = [
        (e["start"], e["end"], GOLD_TYPES[e["label"]]) for e in entities if e["label"] in GOLD_TYPES
    ]
    scored, neutral = set(), set()
    for s in typed:
        inside = any(
            o != s and o[0] <= s[0] and s[1] <= o[1] and (o[0], o[1]) != (s[0], s[1]) for o in typed
        )
        (neutral if inside else scored).add(s)
    others = [(e["start"], e["end"], e["label"]) for e in entities if e["label"] not in GOLD_TYPES]
    return scored, neutral - scored, others


def _shape(text: str) -> str:
    words = text.split()
    if len(words) == 1 and text.isupper() and len(text) > 1:
        return "acronym"
    if len(words) == 1:
        return "one word"
    return "multiword"


def classify(
    text: str, gold: set[Span], neutral: set[Span], others: list, pred: set[Span]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Group errors: (kind, example) for each false negative and each false positive."""
    fn_kinds, fp_kinds = [], []
    by_span = {(p[0], p[1]): p[2] for p in pred}
    gold_span = {(g[0], g[1]): g[2] for g in gold}
    for g in sorted(gold - pred):
        s, e, t = g
        surface = text[s:e]
        if (s, e) in by_span:
            kind = f"type: gold {t} predicted {by_span[(s, e)]}"
        else:
            overlaps = [p for p in pred if p[0] < e and s < p[1]]
            same = [p for p in overlaps if p[2] == t]
            if same:
                p = same[0]
                if p[0] <= s and e <= p[1]:
                    kind = f"boundary {t}: predicted too long"
                elif s <= p[0] and p[1] <= e:
                    kind = f"boundary {t}: predicted too short"
                else:
                    kind = f"boundary {t}: shifted"
                surface = f"{surface!r} vs {text[p[0] : p[1]]!r}"
            elif overlaps:
                p = overlaps[0]
                kind = f"boundary+type: gold {t} predicted {p[2]}"
                surface = f"{surface!r} vs {text[p[0] : p[1]]!r}"
            else:
                kind = f"missed {t} ({_shape(surface)})"
        fn_kinds.append((kind, surface))
    for p in sorted(pred - gold):
        s, e, t = p
        if p in neutral:
            continue
        surface = text[s:e]
        if (s, e) in gold_span:
            continue  # counted once, as a type error, on the gold side
        if any(g[0] < e and s < g[1] for g in gold):
            continue  # counted on the gold side as a boundary error
        covering = [o for o in others if o[0] <= s and e <= o[1]]
        overl = [o for o in others if o[0] < e and s < o[1]]
        same = [o[2] for o in others if (o[0], o[1]) == (s, e)]
        if same:
            kind = f"spurious {t}: gold calls it {same[0]}"
        elif covering:
            kind = f"spurious {t}: inside gold {covering[0][2]}"
        elif overl:
            kind = f"spurious {t}: overlaps gold {overl[0][2]}"
        elif surface[:1].islower():
            kind = f"spurious {t}: lower-case start"
        else:
            kind = f"spurious {t}: not annotated ({_shape(surface)})"
        fp_kinds.append((kind, surface))
    return fn_kinds, fp_kinds


class Scorer:
    def __init__(self) -> None:
        self.tp: Counter = Counter()
        self.fp: Counter = Counter()
        self.fn: Counter = Counter()
        self.errors: dict[str, list[str]] = defaultdict(list)

    def add(self, text: str, gold: set[Span], neutral: set[Span], others: list, pred: set[Span]):
        pred_scored = {p for p in pred if p not in neutral}
        for p in pred_scored:
            (self.tp if p in gold else self.fp)[p[2]] += 1
        for g in gold - pred:
            self.fn[g[2]] += 1
        fn_kinds, fp_kinds = classify(text, gold, neutral, others, pred)
        for kind, example in fn_kinds + fp_kinds:
            self.errors[kind].append(example)

    def prf(self, types: Iterable[str]) -> tuple[float, float, float, int, int, int]:
        tp = sum(self.tp[t] for t in types)
        fp = sum(self.fp[t] for t in types)
        fn = sum(self.fn[t] for t in types)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f, tp, fp, fn

    def report(self, name: str) -> None:
        print(f"\n== {name}")
        print(f"{'type':6} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'fp':>6} {'fn':>6}")
        for label, types in [*((t, (t,)) for t in TYPES), ("micro", TYPES)]:
            p, r, f, tp, fp, fn = self.prf(types)
            print(f"{label:6} {p:6.3f} {r:6.3f} {f:6.3f} {tp:6d} {fp:6d} {fn:6d}")


def kg_predictions(nlp, docs: list[dict]) -> list[set[Span]]:
    """``doc.ents`` of the full kg pipeline, one set per document, in input order.

    A later component (times, relations) that fails on a document does not hide the
    entities already set on it: the failure is counted and reported, and the document's
    ``doc.ents`` are still scored.
    """
    names = nlp.pipe_names
    later = names[names.index("kg_entities") + 1 :]
    errors: Counter = Counter()

    def make():
        for d in docs:
            doc = nlp.make_doc(d["text"])
            doc._.kg_doc_id = d["id"]
            doc._.kg_date = d.get("date")
            yield doc

    done = []
    with nlp.select_pipes(disable=later):
        parsed = list(nlp.pipe(make(), batch_size=16))
    for doc in parsed:
        for name in later:
            try:
                doc = nlp.get_pipe(name)(doc)
            except Exception as e:  # reported below; the entities are still scored
                errors[f"{name}: {type(e).__name__}"] += 1
                break
        done.append(doc)
    for err, n in errors.items():
        print(f"warning: {n} documents failed in {err} (their entities are still scored)")
    return [
        {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in TYPES}
        for doc in done
    ]


def extraction_predictions(docs: list[dict], model: str) -> tuple[list[set[Span]], list[set[Span]]]:
    """Mentions of the entities ``kg build`` writes to ``extraction.jsonl``, one set per
    document: every mention, and the named ones only (``kind == "name"``).

    The documents go through :func:`kg.build` from a JSONL file, as ``kg build`` reads a
    corpus; a document the build leaves out (a duplicate, another language) predicts nothing.
    """
    import tempfile

    import kg

    with tempfile.TemporaryDirectory(prefix="kg-eval-entities-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as f:
            for d in docs:
                record = {"id": d["id"], "text": d["text"], "date": d.get("date")}
                kept = {k: v for k, v in record.items() if v not in (None, "")}  # an id 0 stays
                f.write(json.dumps(kept, ensure_ascii=False))
                f.write("\n")
        result = kg.build(str(corpus), model=model)
    every: dict[str, set[Span]] = {}
    names: dict[str, set[Span]] = {}
    for x in result.extractions:
        every[x.id], names[x.id] = set(), set()
        for e in x.entities:
            if e.type not in KG_TYPES:
                continue
            for m in e.mentions:
                span = (m.start, m.end, KG_TYPES[e.type])
                every[x.id].add(span)
                if m.kind == "name":
                    names[x.id].add(span)
    missing = [str(d["id"]) for d in docs if str(d["id"]) not in every]
    if missing:
        print(f"warning: the build left out {len(missing)} documents: {' '.join(missing[:10])}")
    return (
        [every.get(str(d["id"]), set()) for d in docs],
        [names.get(str(d["id"]), set()) for d in docs],
    )


def raw_predictions(nlp, docs: list[dict]) -> list[set[Span]]:
    return [
        {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in TYPES}
        for doc in nlp.pipe((d["text"] for d in docs), batch_size=16)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--offset", type=int, default=0, help="skip the first N documents")
    parser.add_argument("--limit", type=int, default=None, help="score at most N documents")
    parser.add_argument("--no-raw", action="store_true", help="do not score raw spaCy")
    parser.add_argument(
        "--mode",
        choices=("extraction", "ents", "both"),
        default="extraction",
        help="score extraction.jsonl mentions (the official protocol), doc.ents, or both",
    )
    parser.add_argument("--top", type=int, default=15, help="error kinds to list")
    parser.add_argument("--examples", type=int, default=4, help="examples per error kind")
    parser.add_argument("--show", default=None, help="print every example of this error kind")
    args = parser.parse_args()

    import spacy

    from kg.nlp.pipeline import load_pipeline

    docs = read_gold(args.data, args.limit, args.offset)
    golds = [gold_sets(d["entities"]) for d in docs]
    t0 = time.perf_counter()
    preds: dict[str, list[set[Span]]] = {}
    if args.mode in ("extraction", "both"):
        every, names = extraction_predictions(docs, args.model)
        preds["kg extraction.jsonl, every mention"] = every
        preds["kg extraction.jsonl, named mentions"] = names
    if args.mode in ("ents", "both"):
        preds["kg doc.ents"] = kg_predictions(load_pipeline(args.model), docs)
    t1 = time.perf_counter()
    if not args.no_raw:
        preds[f"raw spaCy {args.model}"] = raw_predictions(spacy.load(args.model), docs)
    t2 = time.perf_counter()

    scorers = {name: Scorer() for name in preds}
    for i, (d, (gold, neutral, others)) in enumerate(zip(docs, golds, strict=True)):
        for name, scorer in scorers.items():
            scorer.add(d["text"], gold, neutral, others, preds[name][i])

    n_gold = Counter(g[2] for gold, _, _ in golds for g in gold)
    part = f"documents {args.offset}-{args.offset + len(docs) - 1}"
    print(f"data: {args.data} ({part}); gold outermost spans: {dict(n_gold)}")
    print(f"time: kg {t1 - t0:.1f} s, raw spaCy {t2 - t1:.1f} s")
    for name, scorer in scorers.items():
        scorer.report(name)
    main_name = next(iter(scorers))
    errors = scorers[main_name].errors
    total = sum(len(v) for v in errors.values())
    print(f"\n== {main_name}: most frequent error kinds (of {total})")
    for kind, examples in sorted(errors.items(), key=lambda kv: (-len(kv[1]), kv[0]))[: args.top]:
        shown = "; ".join(str(x) for x in examples[: args.examples])
        print(f"{len(examples):5d}  {kind}  e.g. {shown}")
    if args.show:
        print(f"\n== all examples of {args.show!r}")
        for x, n in Counter(errors.get(args.show, [])).most_common():
            print(f"{n:4d}  {x}")


if __name__ == "__main__":
    main()
