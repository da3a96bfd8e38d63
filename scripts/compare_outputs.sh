#!/usr/bin/env bash
# Prove that a change keeps kg's outputs byte-identical: build every reference input at REF
# (default: origin/main, else HEAD~1) and at the working tree, then compare every output file.
#
#   scripts/compare_outputs.sh [REF] [--expect FILE]
#
# The reference inputs are the examples, the seed article (with its date) and the three dev
# JSONL files in ../shared/data. A file listed in --expect (one "input/file" per line; the
# default is scripts/expected-differences.txt) may differ; it is reported, not failed.
# The working tree's build uses this checkout's .venv; the ref's build uses a throw-away
# worktree on the same venv with PYTHONPATH pointing at it (so both use the same packages).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
ref=${1:-}
expect="$here/scripts/expected-differences.txt"
if [ "${2:-}" = "--expect" ]; then expect=$3; fi
if [ -z "$ref" ]; then
  ref=$(git -C "$here" rev-parse --verify -q origin/main || git -C "$here" rev-parse HEAD~1)
fi
shared=$(cd "$here/../shared" && pwd)
py="$here/.venv/bin/python"
work=$(mktemp -d)
trap 'git -C "$here" worktree remove --force "$work/ref" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$here" worktree add --detach -q "$work/ref" "$ref"

# name|kg build arguments (paths relative to the checkout)
inputs=(
  "examples|examples/"
  "seed|$shared/seed/000_f1edc69c2cdc13dc.txt --date 2024-02-15"
  "wikinews|$shared/data/wikinews-fr-2012-dev.jsonl"
  "winer|$shared/data/winer-fr-2016-dev.jsonl"
  "ftib|$shared/data/ftib-dev.jsonl"
)

build() {  # build TREE OUTROOT
  local tree=$1 root=$2
  for spec in "${inputs[@]}"; do
    local name=${spec%%|*} args=${spec#*|}
    # shellcheck disable=SC2086
    (cd "$tree" && PYTHONPATH="$tree" PYTHONHASHSEED=0 "$py" -m kg.cli build $args \
        --out "$root/$name" --quiet --rebuild --cache "$root/.cache-$name")
  done
}
echo "building at $ref ..." >&2
build "$work/ref" "$work/a"
echo "building the working tree ..." >&2
build "$here" "$work/b"

status=0
for spec in "${inputs[@]}"; do
  name=${spec%%|*}
  for f in $( (cd "$work/a/$name" && ls; cd "$work/b/$name" && ls) | sort -u); do
    if ! cmp -s "$work/a/$name/$f" "$work/b/$name/$f"; then
      if [ -f "$expect" ] && grep -qxF "$name/$f" "$expect"; then
        echo "expected difference: $name/$f"
      else
        echo "DIFFERS: $name/$f"; status=1
      fi
    fi
  done
done
[ $status -eq 0 ] && echo "identical outputs (but expected differences) at $ref and the working tree"
exit $status
