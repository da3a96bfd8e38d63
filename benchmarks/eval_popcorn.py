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
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from eval_relations import HALVES, build, in_work_dir, split_ids

DATE = "2023-01-01"


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
    return subprocess.run(cmd).returncode


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
    args = parser.parse_args()
    sys.exit(in_work_dir(run, args, "kg-eval-popcorn-"))


if __name__ == "__main__":
    main()
