"""Build POPCORN report-style texts with kg and score them with the shared POPCORN scorer.

Usage:
    python benchmarks/eval_popcorn.py POPCORN.json [--half tune|check|all] [--out DIR]
        [--scorer ../shared/eval/score_popcorn.py] [--dump FILE]

Why a script: organisations, events, event places and dates on report-style text are
measured by ``score_popcorn.py`` on the hidden test file; this runs the same scorer on the
train file with a split discipline. The texts' ids are sorted as strings; ``tune`` is the
first half, ``check`` the rest (as in ``benchmarks/eval_relations.py``). Every text gets the
date 2023-01-01, as the scorer's docstring prescribes. Work files go to ``--out`` or to a
temporary folder removed afterwards.

``--classes`` also prints how kg's event classes (PLOVER and kg's own, ``ontology/events.ttl``)
meet POPCORN's event types: for each kg event entity, the gold event types its mentions
overlap. The scorer's "P(same class)" only asks whether a kg event overlaps a gold *event*
of any type (there is no class mapping to score), so this table is where class agreement is
read — on the tune half only, as for every detail.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from eval_relations import HALVES, build, in_work_dir, split_ids

DATE = "2023-01-01"
#: POPCORN's event types (as in the scorer).
EVENT_TYPES = frozenset(
    [
        "ACCIDENT",
        "GATHERING",
        "CBRN_EVENT",
        "FIRE",
        "CRIMINAL_ARREST",
        "NATURAL_EVENT",
        "THEFT",
        "EPIDEMIC",
        "POLLUTION",
        "NATURAL_CAUSES_DEATH",
        "DEMONSTRATION",
        "RIOT",
        "ECONOMICAL_CRISIS",
        "AGITATING_TROUBLE_MAKING",
        "SUICIDE",
        "ILLEGAL_CIVIL_DEMONSTRATION",
        "STRIKE",
        "ELECTION",
        "TRAFFICKING",
        "POLITICAL_VIOLENCE",
        "BOMBING",
        "COUP_D_ETAT",
        "CIVIL_WAR_OUTBREAK",
        "DRUG_OPERATION",
        "HOOLIGANISM_TROUBLEMAKING",
    ]
)


def run(args: argparse.Namespace, work: Path) -> int:
    gold = json.loads(args.popcorn.read_text(encoding="utf-8"))
    ids = split_ids(list(gold))[args.half]
    print(f"half {args.half}: {len(ids)} of {len(gold)} texts", flush=True)
    corpus = work / f"popcorn-{args.half}.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for key in ids:
            record = {"id": key, "text": gold[key]["text"], "date": DATE}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    subset = work / f"gold-{args.half}.json"
    subset.write_text(json.dumps({k: gold[k] for k in ids}, ensure_ascii=False), "utf-8")
    out = work / f"kg-{args.half}"
    build(corpus, out, args.model)
    cmd = [sys.executable, str(args.scorer), str(subset), str(out / "extraction.jsonl")]
    if args.dump:
        cmd += ["--dump", str(args.dump)]
    code = subprocess.run(cmd).returncode
    if args.classes:
        print_classes({k: gold[k] for k in ids}, out / "extraction.jsonl")
    return code


def print_classes(gold: dict, extraction: Path) -> None:
    """kg event class x POPCORN event type, over kg event entities (overlapping mentions)."""
    table: Counter[tuple[str, str]] = Counter()
    for line in extraction.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        spans = [
            (e["type"], [(m["start"], m["end"]) for m in e["mentions"]])
            for e in gold[doc["id"]]["entities"]
            if e["type"] in EVENT_TYPES
        ]
        classes = {r["id"]: r["class"] for r in doc.get("events", [])}
        for ent in doc["entities"]:
            if ent["type"] != "Event":
                continue
            mine = [(m["start"], m["end"]) for m in ent["mentions"]]
            hit = {t for t, ms in spans if any(a < d and c < b for a, b in mine for c, d in ms)}
            for t in hit or {"(no gold event)"}:
                table[(classes.get(ent["id"], "?"), t)] += 1
    print("\nkg class x POPCORN event type (kg event entities)")
    for (cls, typ), n in sorted(table.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"  {cls:12s} {typ:28s} {n:4d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("popcorn", type=Path, help="popcorn-train.json")
    parser.add_argument("--half", choices=HALVES, default="all")
    parser.add_argument("--out", type=Path, default=None, help="keep work files here")
    parser.add_argument(
        "--scorer",
        type=Path,
        default=Path(__file__).resolve().parents[2] / "shared" / "eval" / "score_popcorn.py",
    )
    parser.add_argument("--dump", type=Path, default=None, help="misses and false positives")
    parser.add_argument("--model", default=None)
    parser.add_argument(
        "--classes", action="store_true", help="kg class x POPCORN type table (tune only)"
    )
    args = parser.parse_args()
    sys.exit(in_work_dir(run, args, "kg-eval-popcorn-"))


if __name__ == "__main__":
    main()
