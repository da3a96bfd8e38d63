"""Results come back in input order, with a bounded number of chunks in flight."""

from __future__ import annotations

from concurrent.futures import Future

from kg.nlp.pipeline import in_order


def test_results_keep_the_input_order_and_the_window_stays_bounded():
    in_flight: list[Future] = []
    peak = 0

    def submit(chunk):
        nonlocal peak
        future: Future = Future()
        future.set_result([f"x{c}" for c in chunk])
        in_flight.append(future)
        peak = max(peak, len(in_flight))
        return future

    chunks = [[1, 2], [3], [4, 5], [6]]
    out = []
    for chunk, result in in_order(chunks, submit, limit=2):
        in_flight.pop(0)
        out.append((chunk, result))
    assert out == [([1, 2], ["x1", "x2"]), ([3], ["x3"]), ([4, 5], ["x4", "x5"]), ([6], ["x6"])]
    assert peak == 3  # the limit, plus the one just submitted before the oldest is yielded
