"""Build the annotated Wikinews dev articles with kg and score its relations, on one half.

Usage: python benchmarks/eval_relations.py DATA.jsonl GOLD.json [--half tune|check|all]
       [--out DIR] [--details] [--json FILE] [--scorer SCORER.py] [--model NAME]

e.g. ``python benchmarks/eval_relations.py ../shared/data/wikinews-fr-2012-dev.jsonl
../shared/data/wikinews-fr-2012-dev-relations.json --half tune --details``

Why: issue 12 measures kg's relations on held-out Wikinews articles annotated by hand; the
dev gold (20 annotated articles of the 50 in ``DATA.jsonl``) is scored by the same official
script, ``score_relations.py``. Rules tuned while looking at every article would flatter the
dev figures, so the annotated articles are split once and for all into two halves: tune the
patterns and lexicons on ``tune`` (read its misses with ``--details``) and only *measure*
``check``, whose figures say how the changes carry over to text they were not tuned on.

Split (deterministic, independent of file order): the article ids of ``GOLD.json`` sorted as
strings (all are five-digit numbers, so this is numeric order); ``tune`` is the first 10,
``check`` the other 10 (with an odd count, ``tune`` takes the smaller half).

How:

- ``--half tune`` / ``--half check``: the lines of ``DATA.jsonl`` for that half's articles
  are copied verbatim to a temporary JSONL and built alone with
  ``python -m kg.cli build FILE --out DIR --quiet --workers 1`` (so the articles of the other
  half cannot influence entity resolution across documents).
- ``--half all``: the whole ``DATA.jsonl`` (all 50 articles, annotated or not) is built, the
  way the official protocol does (``kg build DATA.jsonl --out OUT``), and scored on all 20
  annotated articles.
- The scorer is run on a copy of the gold restricted to the half. This matters: the scorer
  iterates over the gold's articles, and an article missing from ``extraction.jsonl`` is
  scored as an empty extraction, so each of its gold relations would count as a miss. The
  copy's ``source`` is made absolute so the scorer still finds the article texts.
- The scorer's output is printed unchanged: its per-predicate table (predicates it has
  predictions or gold for), micro strict and lenient P/R/F1, modality accuracy, the count of
  gold relations whose argument kg never found, timeline recall and, with ``--details``, every
  miss, false positive and modality disagreement with its evidence.

Outputs (the temporary JSONL, the restricted gold, kg's outputs) go to ``--out`` when given,
else to a temporary folder removed at the end. kg's build cache lives in the output folder;
its keys include a digest of kg's code, so an edited kg is parsed again.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HALVES = ("tune", "check", "all")


def split_ids(ids: list[str]) -> dict[str, list[str]]:
    """The two halves of the annotated article ids: first half (``tune``) and the rest."""
    ordered = sorted(ids)
    cut = len(ordered) // 2
    return {"tune": ordered[:cut], "check": ordered[cut:], "all": ordered}


def select_lines(data: Path, ids: set[str]) -> list[str]:
    """The lines of a JSONL corpus whose ``id`` is in ``ids``, verbatim, in file order."""
    lines = []
    with data.open(encoding="utf-8") as f:
        for line in f:
            if line.strip() and str(json.loads(line).get("id")) in ids:
                lines.append(line if line.endswith("\n") else line + "\n")
    return lines


def restrict_gold(gold: dict, ids: list[str], data: Path) -> dict:
    """A copy of the gold with only the articles in ``ids`` and an absolute ``source``."""
    keep = set(ids)
    out = dict(gold)
    out["articles"] = [a for a in gold["articles"] if str(a["id"]) in keep]
    if "ids" in gold:
        out["ids"] = [i for i in gold["ids"] if str(i) in keep]
    out["source"] = str(data.resolve())
    return out


def build(corpus: Path, out: Path, model: str | None) -> None:
    """Run ``kg build`` in a child process, one worker; print its summary line only."""
    cmd = [sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out)]
    cmd += ["--quiet", "--workers", "1"]
    if model:
        cmd += ["--model", model]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode:
        sys.stderr.write(done.stdout + done.stderr)
        sys.exit(f"error: kg build failed (exit code {done.returncode})")
    sys.stderr.write(done.stderr)
    print(done.stdout.splitlines()[0] if done.stdout else "kg: no summary", flush=True)


def built_ids(extraction: Path) -> set[str]:
    with extraction.open(encoding="utf-8") as f:
        return {str(json.loads(line).get("id")) for line in f if line.strip()}


def run(args: argparse.Namespace, work: Path) -> int:
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    halves = split_ids([str(a["id"]) for a in gold["articles"]])
    ids = halves[args.half]
    total = len(halves["all"])
    print(f"half {args.half}: {len(ids)} of {total} annotated articles: {' '.join(ids)}")

    if args.half == "all":
        corpus = args.data
    else:
        lines = select_lines(args.data, set(ids))
        if len(lines) != len(ids):
            found = {str(json.loads(x)["id"]) for x in lines}
            sys.exit(f"error: articles missing from {args.data}: {sorted(set(ids) - found)}")
        corpus = work / f"wikinews-{args.half}.jsonl"
        corpus.write_text("".join(lines), encoding="utf-8")
    out = work / f"kg-{args.half}"
    print(f"build: kg build {corpus} --out {out}", flush=True)
    build(corpus, out, args.model)

    extraction = out / "extraction.jsonl"
    missing = sorted(set(ids) - built_ids(extraction))
    if missing:
        print(f"warning: kg wrote no extraction for {missing} (scored as empty)")
    gold_half = work / f"gold-{args.half}.json"
    gold_half.write_text(
        json.dumps(restrict_gold(gold, ids, args.data), ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
    cmd = [sys.executable, str(args.scorer), str(gold_half), str(extraction)]
    if args.details:
        cmd.append("--details")
    if args.json:
        cmd += ["--json", str(args.json)]
    print(f"score: {' '.join(cmd[1:])}\n", flush=True)
    return subprocess.run(cmd).returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="wikinews-fr-2012-dev.jsonl")
    parser.add_argument("gold", type=Path, help="wikinews-fr-2012-dev-relations.json")
    parser.add_argument("--half", choices=HALVES, default="all", help="articles to score")
    parser.add_argument("--out", type=Path, default=None, help="keep the outputs in this folder")
    parser.add_argument("--details", action="store_true", help="list every miss and error")
    parser.add_argument("--json", type=Path, default=None, help="scorer's JSON report")
    parser.add_argument(
        "--scorer", type=Path, default=None, help="default: GOLD's ../eval/score_relations.py"
    )
    parser.add_argument("--model", default=None, help="spaCy model (kg's default if unset)")
    args = parser.parse_args()
    if args.scorer is None:
        args.scorer = args.gold.resolve().parent.parent / "eval" / "score_relations.py"
    if not args.scorer.exists():
        parser.error(f"scorer not found: {args.scorer} (give --scorer)")

    sys.exit(in_work_dir(run, args, "kg-eval-relations-"))


def in_work_dir(
    run: Callable[[argparse.Namespace, Path], int], args: argparse.Namespace, prefix: str
) -> int:
    """Run ``run(args, folder)`` in ``args.out`` (kept) or a temporary folder (removed)."""
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        return run(args, args.out)
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        return run(args, Path(tmp))


if __name__ == "__main__":
    main()
