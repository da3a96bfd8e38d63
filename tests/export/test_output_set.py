"""Issue 17, defect 9: the output folder's files are replaced as one set.

One writer at a time (a lock on the folder), one rename switches every file, and what a
killed build leaves behind is cleaned by the next. The writers are replaced by a stub that
writes a build's tag into every file, slowly, so a mix of two builds would show.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time

import networkx as nx
import pytest

import kg.export.outputs as outputs
from kg.export.outputs import OUTPUTS, write_outputs
from kg.export.outset import CURRENT


def _stub(delay: float = 0.0):
    def write_files(folder, extractions, graph, rows, view) -> None:
        for name in OUTPUTS:
            (folder / name).write_text(graph.graph["tag"], encoding="utf-8")
            time.sleep(delay)

    return write_files


def _write(out, tag: str) -> dict:
    return write_outputs(out, [], nx.MultiDiGraph(tag=tag), rows=[])


def _tags(out) -> set[str]:
    return {(out / name).read_text(encoding="utf-8") for name in OUTPUTS}


def test_a_build_replaces_the_whole_set_and_keeps_one(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(outputs, "_write_files", _stub())
    out = tmp_path / "out"
    (out / "mine.txt").parent.mkdir()
    (out / "mine.txt").write_text("the user's own file")
    for tag in ("one", "two", "three"):
        written = _write(out, tag)
        assert _tags(out) == {tag}
        assert set(written) == set(OUTPUTS) and all(p.parent == out for p in written.values())
    assert len(list(out.glob(".kg-set-*"))) == 1 and not list(out.glob(".kg-staging-*"))
    assert (out / "mine.txt").read_text() == "the user's own file"


def test_outputs_of_an_older_kg_are_replaced_by_the_set(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(outputs, "_write_files", _stub())
    out = tmp_path / "out"
    out.mkdir()
    for name in OUTPUTS:
        (out / name).write_text("old")
    _write(out, "new")
    assert _tags(out) == {"new"}
    assert all((out / name).is_symlink() for name in OUTPUTS)


@pytest.mark.parametrize("builds", [2, 3])
def test_concurrent_builds_never_mix_their_files(tmp_path, monkeypatch, builds) -> None:
    monkeypatch.setattr(outputs, "_write_files", _stub(delay=0.01))
    out = tmp_path / "out"
    out.mkdir()
    seen: list[set[str]] = []
    stop = threading.Event()

    def read() -> None:  # a reader opening the files all along
        while not stop.is_set():
            with contextlib.suppress(FileNotFoundError):  # before the first set
                seen.append(_tags(out))

    threads = [threading.Thread(target=_write, args=(out, f"b{n}")) for n in range(builds)]
    reader = threading.Thread(target=read)
    reader.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stop.set()
    reader.join()
    assert len(_tags(out)) == 1
    assert len(list(out.glob(".kg-set-*"))) == 1
    # Every file of one read came from one build (a read spans the switch at most once).
    assert all(len(tags) <= 2 for tags in seen)


@pytest.mark.parametrize("stage", ["staging", "before-switch", "after-switch", "links"])
def test_what_a_killed_build_leaves_is_cleaned_by_the_next(tmp_path, monkeypatch, stage) -> None:
    monkeypatch.setattr(outputs, "_write_files", _stub())
    out = tmp_path / "out"
    _write(out, "first")
    current = os.readlink(out / CURRENT)
    # What a build killed at each stage leaves behind.
    (out / ".kg-staging-killed").mkdir()
    (out / ".kg-staging-killed" / "graph.ttl").write_text("half")
    if stage in ("before-switch", "after-switch"):
        (out / ".kg-set-killed").mkdir()
        (out / ".kg-set-killed" / "graph.ttl").write_text("whole")
    if stage == "after-switch":  # the pointer moved, the old set not yet removed
        os.symlink(".kg-set-killed", out / ".kg-current.kg-tmp-x")
        os.replace(out / ".kg-current.kg-tmp-x", out / CURRENT)
    if stage == "links":
        os.symlink(".kg-current/graph.ttl", out / ".graph.ttl.kg-tmp-killed")
    _write(out, "next")
    assert _tags(out) == {"next"}
    left = sorted(p.name for p in out.iterdir() if p.name.startswith("."))
    assert len([n for n in left if n.startswith(".kg-set-")]) == 1
    assert not [n for n in left if "staging" in n or "tmp" in n or n.endswith(current[-8:])]


def test_a_waiting_build_says_so(tmp_path, monkeypatch, caplog) -> None:
    import fcntl

    monkeypatch.setattr(outputs, "_write_files", _stub())
    out = tmp_path / "out"
    out.mkdir()
    fd = os.open(out / ".kg-lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    writer = threading.Thread(target=_write, args=(out, "late"))
    writer.start()
    time.sleep(0.3)
    assert not (out / CURRENT).exists(), "written while another build held the lock"
    os.close(fd)
    writer.join()
    assert _tags(out) == {"late"}
    assert any("waiting" in r.getMessage() for r in caplog.records)
