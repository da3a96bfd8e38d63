"""Run the notebooks in ``notebooks/`` top to bottom and store them with their outputs.

``make notebooks`` calls this, so that a reader on the repository page sees every table and
plot without running anything. What is stored is made as reproducible as the outputs allow:

* the kernel is this interpreter (a kernelspec for ``sys.executable`` in a temporary
  folder), never whatever ``python3`` kernel the machine has;
* no timing metadata (``record_timing=False``), the notebook metadata is kept as written;
* absolute paths of the repository and of the temporary folder are replaced by
  ``<repository>`` and ``<tmp>``;
* the inline pages of ``r.show()`` (an ``<iframe srcdoc>`` of some 600 kB each, which the
  repository page does not run anyway) are stored as a screenshot of the page when a
  chromium is available, else as their one-line text form; other large HTML outputs keep
  only their text form. The notebook stays under :data:`MAX_BYTES`.

The tests (tests/test_notebooks.py) run the notebooks from scratch again; this script only
decides what is stored.

Usage: ``python scripts/run_notebooks.py [NOTEBOOK ...]`` (default: every notebook).
"""

from __future__ import annotations

import base64
import html
import json
import os
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

from kg.export.atomic import atomic_write_text
from kg.notebook import GRAPH_HEIGHT

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
KERNEL = "kg-notebooks-python"
#: The stored notebook must render quickly on a repository page.
MAX_BYTES = 2_000_000
#: HTML outputs above this size keep only their text form (DataFrames stay well below).
MAX_HTML = 100_000
CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
_IFRAME = re.compile(r'^<iframe srcdoc="(?P<page>[^"]*)"', re.S)
_HEIGHT = re.compile(r"height: (\d+)px")


def _kernel_manager(prefix: Path) -> Any:
    from ipykernel.kernelspec import install
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    install(kernel_name=KERNEL, prefix=str(prefix))
    kernels = prefix / "share" / "jupyter" / "kernels"
    return KernelManager(
        kernel_name=KERNEL, kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernels)])
    )


class _Shooter:
    """Screenshots of inline pages, through Playwright and chromium, if both are there."""

    def __init__(self) -> None:
        self.browser = self._pw = None
        if not Path(CHROMIUM).exists():
            print(f"no chromium at {CHROMIUM}: inline pages are stored as text", file=sys.stderr)
            return
        from playwright.sync_api import sync_playwright

        self._pw = sync_playwright().start()
        self.browser = self._pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )

    def shoot(self, page: str, height: int) -> str | None:
        """The page drawn at 1400 px wide, as base64 PNG (None without a browser)."""
        if self.browser is None:
            return None
        context = self.browser.new_context(viewport={"width": 1400, "height": height})
        try:
            context.route("**/*", lambda r: r.abort())  # the page is offline; make sure of it
            tab = context.new_page()
            tab.set_content(page)
            tab.wait_for_function("window.kgReady !== undefined || !window.network", timeout=30000)
            png = tab.screenshot()
        finally:
            context.close()
        return base64.b64encode(png).decode("ascii")

    def close(self) -> None:
        if self.browser is not None:
            self.browser.close()
            self._pw.stop()


def _clean_text(text: str, tmp: str) -> str:
    text = text.replace(str(ROOT), "<repository>")
    return re.sub(re.escape(tmp.rstrip("/")) + r"/[\w.-]+", "<tmp>", text)


def _clean_output(output: Any, tmp: str, shooter: _Shooter) -> None:
    data = output.get("data")
    if data and "text/html" in data:
        page = _IFRAME.match(data["text/html"])
        if page:
            height = _HEIGHT.search(data["text/html"].rsplit('style="', 1)[-1])
            png = shooter.shoot(
                html.unescape(page["page"]), int(height[1]) if height else GRAPH_HEIGHT
            )
            del data["text/html"]
            if png:
                data["image/png"] = png
        elif len(data["text/html"]) > MAX_HTML:
            del data["text/html"]
    for key in ("text", "traceback"):
        if isinstance(output.get(key), str):
            output[key] = _clean_text(output[key], tmp)
    for mime, value in (data or {}).items():
        if mime.startswith("text/") and isinstance(value, str):
            data[mime] = _clean_text(value, tmp)


def run(path: Path, shooter: _Shooter) -> int:
    """Execute ``path`` in a fresh kernel, clean its outputs, write it back; its size."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    metadata = json.loads(json.dumps(nb.metadata))
    with tempfile.TemporaryDirectory() as prefix:
        client = NotebookClient(
            nb,
            km=_kernel_manager(Path(prefix)),
            timeout=600,
            allow_errors=False,
            record_timing=False,
            resources={"metadata": {"path": str(path.parent)}},
        )
        client.execute()
    tmp = tempfile.gettempdir()
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        for output in cell.get("outputs", ()):
            _clean_output(output, tmp, shooter)
    nb.metadata = metadata
    text = nbformat.writes(nb)
    text += "" if text.endswith("\n") else "\n"  # as nbformat.write ends its files
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:  # checked before writing: the stored notebook stays as it was
        raise SystemExit(f"{path.name} would be {size:,} bytes stored; keep it under {MAX_BYTES:,}")
    atomic_write_text(path, text)
    return size


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or sorted(NOTEBOOKS.glob("*.ipynb"))
    shooter = _Shooter()
    try:
        for path in paths:
            print(f"{path.name}: {run(path.resolve(), shooter):,} bytes with outputs")
    finally:
        shooter.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
