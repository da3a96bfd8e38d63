"""The output folder's files as one set: locked while written, switched in one rename.

Why: a researcher (or a second ``kg build`` on the same ``--out``) must never see the
outputs of two builds mixed, nor a build killed half-way leave such a mix behind. So:

- **one writer at a time**: a build holds an exclusive ``flock`` on ``OUT/.kg-lock`` while it
  stages and publishes; a second build waits for it (and says so), then writes its own set;
- **a versioned set, one pointer**: the files are written into ``OUT/.kg-staging-*``, which
  becomes ``OUT/.kg-set-*`` once complete; the symbolic link ``OUT/.kg-current`` is then
  pointed at it with one atomic ``rename``. Each ``OUT/<file>`` is a fixed link
  ``.kg-current/<file>``, so every file switches with that one rename;
- **stale state cleaned**: at the start of each build (under the lock), staging folders,
  sets that are not current and half-made links left by a killed build are removed.

See docs/decisions/0007-output-set.md for what is and is not guaranteed. Where the system
has no ``flock`` or no symbolic links, files are moved one by one as before (each atomically).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.errors import ExportError, os_error_hint

__all__ = ["CURRENT", "clean_stale", "locked", "publish"]

log = logging.getLogger("kg")

#: The pointer to the current set, and the prefixes of kg's own entries in ``OUT``.
CURRENT = ".kg-current"
LOCK = ".kg-lock"
SET_PREFIX = ".kg-set-"
STAGING_PREFIX = ".kg-staging-"
_TMP_MARK = ".kg-tmp-"


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """Hold the exclusive lock of ``out`` (waiting for another build if need be)."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, as before
        yield
        return
    try:
        fd = os.open(out / LOCK, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as e:
        hint = os_error_hint(e, instead="--out")
        raise ExportError(f"cannot lock {out}: {e.strerror}; {hint}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.warning("another kg build is writing %s; waiting for it to finish", out)
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def clean_stale(out: Path) -> None:
    """Remove what a killed build left in ``out``: staging, old sets, half-made links."""
    current = _current_set(out)
    for entry in out.iterdir():
        name = entry.name
        if name.startswith(STAGING_PREFIX) or (name.startswith(SET_PREFIX) and name != current):
            shutil.rmtree(entry, ignore_errors=True)
        elif _TMP_MARK in name and entry.is_symlink():
            entry.unlink(missing_ok=True)


def publish(out: Path, staging: Path, names: Iterable[str]) -> dict[str, Path]:
    """Make the complete ``staging`` folder the current set of ``out``; return the paths.

    Raises:
        ExportError: ``out`` cannot be written.
    """
    names = list(names)
    suffix = staging.name.removeprefix(STAGING_PREFIX)
    try:
        new_set = out / f"{SET_PREFIX}{suffix}"
        staging.chmod(0o777 & ~_umask())  # mkdtemp makes 0700; outputs are for sharing
        staging.rename(new_set)
        old_set = _current_set(out)
        if not _switch(out / CURRENT, new_set.name, suffix):
            return _move_files(out, new_set, names)
        for name in names:
            _switch(out / name, f"{CURRENT}/{name}", suffix)
        if old_set and old_set != new_set.name:
            shutil.rmtree(out / old_set, ignore_errors=True)
    except OSError as e:
        hint = os_error_hint(e, instead="--out")
        raise ExportError(f"cannot write the outputs in {out}: {e.strerror}; {hint}") from None
    return {name: out / name for name in names}


def _switch(link: Path, target: str, suffix: str) -> bool:
    """Point ``link`` at ``target`` atomically (a new link renamed over it); False if the
    system has no symbolic links."""
    if link.is_symlink() and os.readlink(link) == target:
        return True
    tmp = link.with_name(f".{link.name}{_TMP_MARK}{suffix}")
    tmp.unlink(missing_ok=True)
    try:
        os.symlink(target, tmp)
    except (NotImplementedError, PermissionError):  # Windows without the privilege
        return False
    os.replace(tmp, link)
    return True


def _move_files(out: Path, folder: Path, names: list[str]) -> dict[str, Path]:
    """Without symbolic links: move each file into place (each atomic, the set is not)."""
    for name in names:
        (folder / name).replace(out / name)
    shutil.rmtree(folder, ignore_errors=True)
    return {name: out / name for name in names}


def _current_set(out: Path) -> str | None:
    """The name of the set ``out/.kg-current`` points at, if any."""
    try:
        return os.readlink(out / CURRENT)
    except OSError:
        return None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
