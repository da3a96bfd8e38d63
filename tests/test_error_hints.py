"""Issue 17, defect 12: each error hint gives the advice that fits its cause.

(The UTF-16 hint is in tests/test_io_hardening.py.)
"""

from __future__ import annotations

import errno
import os
import urllib.error

import pytest
from click.testing import CliRunner

from kg.build.cache import ExtractionCache
from kg.cli import main
from kg.errors import ExportError, os_error_hint
from kg.export.atomic import atomic_write_text
from kg.model import Extraction
from kg.store.http import network_error


@pytest.mark.parametrize(
    ("code", "advice"),
    [
        (errno.ENOSPC, "free disk space"),
        (errno.EDQUOT, "free disk space"),
        (errno.EACCES, "check its permissions or choose another --cache"),
        (errno.EPERM, "check its permissions or choose another --cache"),
        (errno.EROFS, "check its permissions or choose another --cache"),
        (errno.ENOTDIR, "a file stands where a folder is needed; choose another --cache"),
        (errno.EIO, "check the folder or choose another --cache"),
    ],
)
def test_os_error_hint_follows_the_errno(code, advice) -> None:
    hint = os_error_hint(OSError(code, os.strerror(code)), instead="--cache")
    assert hint.startswith(advice)
    assert ("disk space" in hint) == (code in (errno.ENOSPC, errno.EDQUOT))


def test_a_cache_under_a_file_says_choose_another_cache(tmp_path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(ExportError, match="choose another --cache") as err:
        ExtractionCache(tmp_path / "f" / "cache")
    assert "disk space" not in str(err.value)


@pytest.mark.parametrize("code", [errno.EACCES, errno.EROFS, errno.ENOSPC])
def test_cache_write_failures_say_what_fits(tmp_path, monkeypatch, code) -> None:
    """A permission failure is not told to check disk space (root ignores chmod: simulate)."""
    import tempfile

    cache = ExtractionCache(tmp_path / "c")

    def refuse(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(ExportError) as err:
        cache.put("ab" * 32, Extraction(id="a", lang="fr", date=None))
    assert ("disk space" in str(err.value)) == (code == errno.ENOSPC)
    assert ("permissions" in str(err.value)) == (code != errno.ENOSPC)


def test_an_output_under_a_file_says_choose_another_out(tmp_path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(ExportError, match="choose another --out"):
        atomic_write_text(tmp_path / "f" / "x.txt", "x")


@pytest.mark.parametrize("extra", [[], ["--cache", "{tmp}/cache"]], ids=["default", "cache"])
@pytest.mark.parametrize("out", ["{tmp}/file", "{tmp}/file/sub"], ids=["file", "under-file"])
def test_out_being_a_file_is_refused_before_any_parsing(tmp_path, out, extra) -> None:
    (tmp_path / "file").write_text("x")
    (tmp_path / "a.txt").write_text("Texte.", encoding="utf-8")
    args = ["build", str(tmp_path / "a.txt"), "--out", out, *extra]
    result = CliRunner().invoke(main, [a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 2, result.output
    assert result.output.startswith("kg: error:") and "choose another --out" in result.output
    assert "--cache" not in result.output
    assert not (tmp_path / "cache").exists()  # refused before the cache, before parsing


@pytest.mark.parametrize(
    "error",
    [TimeoutError("slow"), urllib.error.URLError(TimeoutError("slow"))],
    ids=["timeout", "urllib"],
)
def test_time_outs_name_no_option_kg_lacks(error) -> None:
    message = str(network_error("query", "http://127.0.0.1:1/q", error, 5))
    assert "timed out after 5 s" in message and "--timeout" not in message
