"""How long a 5,000-node graph.html takes to become interactive in headless Chromium.

Goal: first ``afterDrawing`` within 5 s of navigation (physics off, positions from Python).
Prints one line per size; a screenshot goes to benchmarks/results/ (gitignored).

Run: .venv/bin/python benchmarks/html_render.py [--nodes 5000] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from test_browser import ARGS  # noqa: E402  (the launch flags the tests use)
from test_html import big_graph  # noqa: E402

from kg.export.html import write_html  # noqa: E402


def main() -> int:
    """Build, write and open the page; print generation time and time to first drawing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, nargs="+", default=[5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    results = ROOT / "benchmarks" / "results"
    results.mkdir(parents=True, exist_ok=True)
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=args.chromium, args=ARGS)
        for n in args.nodes:
            graph = big_graph(n)
            t0 = time.perf_counter()
            path = write_html(graph, Path(tmp) / f"g{n}.html", timeline=[])
            generate = time.perf_counter() - t0
            draws = []
            for run in range(args.runs):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.route(
                    "**/*",
                    lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort(),
                )
                page.goto(path.as_uri(), wait_until="commit", timeout=120_000)
                page.wait_for_function(
                    "() => window.kgFirstDraw !== null && window.kgReady", timeout=120_000
                )
                # Interactive = drawn once and our controls wired, whichever comes last.
                draws.append(page.evaluate("Math.max(kgFirstDraw, kgReady)") / 1000)
                if run == 0:
                    page.screenshot(path=str(results / f"html_render_{n}.png"))
                page.close()
            draw = statistics.median(draws)
            worst = max(worst, draw)
            size = path.stat().st_size / 1e6
            print(
                f"{n} nodes, {graph.number_of_edges()} edges: generate {generate:.2f} s, "
                f"{size:.1f} MB, interactive (first afterDrawing and controls ready) "
                f"{draw:.2f} s after navigation "
                f"(median of {len(draws)}: {', '.join(f'{d:.2f}' for d in draws)}); goal <= 5 s"
            )
        browser.close()
    return 0 if worst <= 5.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
