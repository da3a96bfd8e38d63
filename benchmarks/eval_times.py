"""TempEval-3 style scoring of kg_times (and dateparser as a baseline) on French TimeBank.

Usage:
    python benchmarks/eval_times.py ../shared/data/ftib-dev.jsonl [--model fr_core_news_md]
        [--limit N] [--half tune|check] [--errors] [--speed]

Each line of DATA is ``{"id", "date", "text", "timexes": [{start, end, text, type, value}]}``.
A prediction matches a gold expression when the spans overlap (one-to-one, greedy by overlap);
reported: relaxed span P/R/F1, strict span F1, type accuracy over matches, value P/R/F1
(matches whose value is identical). The data is read from the path given, never copied.

``--half tune`` keeps the first half of the documents sorted by id, ``--half check`` the
rest: look at the errors of the tune half only, and report the check half as text the rules
were not fitted to (the split is deterministic, so both halves stay the same between runs).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Scores", "main", "score"]

Expr = tuple[int, int, str, str, str]  # start, end, text, type, value


@dataclass
class Scores:
    """Counts accumulated over documents."""

    gold: int = 0
    pred: int = 0
    matched: int = 0
    strict: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def report(self, name: str) -> str:
        """A one-line summary."""
        p, r, f = _prf(self.matched, self.pred, self.gold)
        _, _, sf = _prf(self.strict, self.pred, self.gold)
        vp, vr, vf = _prf(self.value_ok, self.pred, self.gold)
        acc = self.type_ok / self.matched if self.matched else 0.0
        return (
            f"{name:<11} gold={self.gold} pred={self.pred} | relaxed P={p:.3f} R={r:.3f} "
            f"F1={f:.3f} | strict F1={sf:.3f} | type acc={acc:.3f} | "
            f"value P={vp:.3f} R={vr:.3f} F1={vf:.3f}"
        )


def _prf(ok: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = ok / pred if pred else 0.0
    r = ok / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(gold: list[Expr], pred: list[Expr], acc: Scores) -> list[str]:
    """Add one document's counts to ``acc``; return human-readable error lines."""
    acc.gold += len(gold)
    acc.pred += len(pred)
    used: set[int] = set()
    errors: list[str] = []
    for g in gold:
        best, overlap = None, 0
        for i, p in enumerate(pred):
            ov = min(g[1], p[1]) - max(g[0], p[0])
            if i not in used and ov > overlap:
                best, overlap = i, ov
        if best is None:
            errors.append(f"  MISS  {g[3]:<8} {g[4]:<18} {g[2]!r}")
            continue
        used.add(best)
        p = pred[best]
        acc.matched += 1
        acc.strict += (p[0], p[1]) == (g[0], g[1])
        acc.type_ok += p[3] == g[3]
        acc.value_ok += p[4] == g[4]
        if p[4] != g[4] or p[3] != g[3]:
            errors.append(f"  VALUE {g[3]:<8} {g[4]:<18} {g[2]!r} -> {p[3]} {p[4]} {p[2]!r}")
    for i, p in enumerate(pred):
        if i not in used:
            errors.append(f"  EXTRA {p[3]:<8} {p[4]:<18} {p[2]!r}")
    return errors


def _read(path: Path, limit: int | None, half: str | None = None) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    if half:
        ordered = sorted(docs, key=lambda d: str(d["id"]))
        cut = (len(ordered) + 1) // 2
        docs = ordered[:cut] if half == "tune" else ordered[cut:]
    return docs[:limit] if limit else docs


def _kg_predictor(model: str) -> tuple[Callable[[dict[str, Any]], list[Expr]], Any]:
    import spacy

    import kg.nlp.times.component  # noqa: F401  (registers the kg_times factory)

    nlp = spacy.load(model)
    nlp.add_pipe("kg_times")

    def predict(doc: dict[str, Any]) -> list[Expr]:
        d = nlp.make_doc(doc["text"])
        d._.kg_date = doc.get("date")
        for _, proc in nlp.pipeline:
            d = proc(d)
        return [(t.start, t.end, t.text, t.type, t.value) for t in d._.kg_times]

    return predict, nlp


def _dateparser_predict(doc: dict[str, Any]) -> list[Expr]:
    from dateparser.search import search_dates

    text = doc["text"]
    base = dt.datetime.fromisoformat(doc["date"]) if doc.get("date") else dt.datetime.now()
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    found = search_dates(text, languages=["fr"], settings=settings) or []
    out: list[Expr] = []
    cursor = 0
    for surface, when in found:
        start = text.find(surface, cursor)
        if start < 0:
            start = text.find(surface)
        if start < 0:
            continue
        cursor = start + len(surface)
        if when.hour or when.minute:
            out.append((start, cursor, surface, "TIME", when.strftime("%Y-%m-%dT%H:%M")))
        else:
            out.append((start, cursor, surface, "DATE", when.date().isoformat()))
    return out


def _gold(doc: dict[str, Any]) -> list[Expr]:
    return [(t["start"], t["end"], t["text"], t["type"], t["value"]) for t in doc["timexes"]]


def _run(
    name: str, docs: Iterable[dict[str, Any]], predict: Callable[[dict[str, Any]], list[Expr]]
) -> tuple[Scores, list[str]]:
    acc = Scores()
    lines: list[str] = []
    for doc in docs:
        errors = score(_gold(doc), predict(doc), acc)
        if errors:
            lines.append(f"[{name}] {doc['id']} (date {doc.get('date')})")
            lines.extend(errors)
    return acc, lines


def _speed(nlp: Any, docs: list[dict[str, Any]]) -> str:
    """CPU time of the raw pipeline vs kg_times alone on the same parsed Docs.

    CPU time (not wall clock) so that other processes on the machine do not skew the ratio;
    best of three runs each.
    """
    texts = [d["text"] for d in docs] * 2
    component = nlp.get_pipe("kg_times")
    raw = ours = float("inf")
    for _ in range(3):
        started = time.process_time()
        with nlp.select_pipes(disable=["kg_times"]):
            parsed = list(nlp.pipe(texts))
        raw = min(raw, time.process_time() - started)
        for doc, data in zip(parsed, docs * 2, strict=True):
            doc._.kg_date = data.get("date")
        started = time.process_time()
        for doc in parsed:
            component(doc)
        ours = min(ours, time.process_time() - started)
    return (
        f"speed (CPU): raw spaCy {raw:.2f}s, kg_times alone {ours:.3f}s "
        f"(throughput ratio {raw / (raw + ours):.3f}x)"
    )


def main(argv: list[str] | None = None) -> int:
    """Score kg and dateparser on a French TimeBank JSONL file; print one line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path)
    parser.add_argument("--model", default="fr_core_news_md")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument(
        "--half",
        choices=["tune", "check"],
        default=None,
        help="score only the first (tune) or second (check) half of the documents by id",
    )
    parser.add_argument("--errors", action="store_true", help="print kg's errors per document")
    parser.add_argument("--no-dateparser", action="store_true")
    parser.add_argument("--speed", action="store_true", help="compare throughput with raw spaCy")
    args = parser.parse_args(argv)
    docs = _read(args.data, args.limit, args.half)
    predict, nlp = _kg_predictor(args.model)
    kg_scores, kg_errors = _run("kg", docs, predict)
    if args.errors:
        print("\n".join(kg_errors))
    which = f" ({args.half} half)" if args.half else ""
    print(f"{len(docs)} documents from {args.data}{which}")
    print(kg_scores.report("kg"))
    if not args.no_dateparser:
        dp_scores, _ = _run("dateparser", docs, _dateparser_predict)
        print(dp_scores.report("dateparser"))
    if args.speed:
        print(_speed(nlp, docs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
