"""The notebooks in ``notebooks/`` are stored executed (``make notebooks``, so the repository
page shows their outputs) and run top to bottom again, from scratch, in a fresh kernel.

The kernel is this interpreter (the project's venv), never whatever ``python3`` kernelspec
the machine happens to have: a kernelspec pointing at ``sys.executable`` is installed in a
temporary folder and the kernel reports its ``sys.prefix`` back to prove it.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
KERNEL = "kg-test-python"
MAX_BYTES = 2_000_000


def test_there_are_notebooks() -> None:
    names = {p.name for p in NOTEBOOKS}
    assert {"01_drone_coalition.ipynb", "02_corpus.ipynb"} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_is_stored_executed_small_and_clean(path: Path) -> None:
    """Stored by ``make notebooks``: every cell run in order, no error, nothing local."""
    text = path.read_text(encoding="utf-8")
    nb = json.loads(text)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"
    assert len(text.encode("utf-8")) < MAX_BYTES, f"{path.name}: keep the stored notebook small"
    code = [cell for cell in nb["cells"] if cell["cell_type"] == "code"]
    counts = [cell.get("execution_count") for cell in code]
    assert counts == list(range(1, len(code) + 1)), f"{path.name}: run it with make notebooks"
    assert all(cell["outputs"] for cell in code[1:]), "a cell shows nothing"
    for n, cell in enumerate(code):
        assert "execution" not in cell.get("metadata", {}), "timing metadata changes every run"
        for output in cell["outputs"]:
            assert output["output_type"] != "error", f"{path.name} code cell {n} failed"
            assert "srcdoc" not in json.dumps(output), "an inline page is stored as a picture"
    # No path of the machine that ran it (the repository, a temporary folder).
    assert str(ROOT) not in text and "/tmp/" not in text


def test_the_corpus_notebook_reads_only_the_corpus_it_is_given() -> None:
    source = "".join(
        "".join(cell["source"])
        for cell in json.loads((ROOT / "notebooks" / "02_corpus.ipynb").read_text())["cells"]
    )
    assert "corpus_hydrogene.jsonl" in source and "*.txt" not in source  # no examples added


@pytest.fixture(scope="module")
def kernel_manager_factory(tmp_path_factory: pytest.TempPathFactory):
    """Make kernel managers that start ``sys.executable -m ipykernel_launcher``."""
    from ipykernel.kernelspec import install
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    prefix = tmp_path_factory.mktemp("jupyter")
    install(kernel_name=KERNEL, prefix=str(prefix))
    kernels = prefix / "share" / "jupyter" / "kernels"
    spec = json.loads((kernels / KERNEL / "kernel.json").read_text(encoding="utf-8"))
    assert spec["argv"][0] == sys.executable

    def make() -> KernelManager:
        specs = KernelSpecManager(kernel_dirs=[str(kernels)])
        return KernelManager(kernel_name=KERNEL, kernel_spec_manager=specs)

    return make


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs(path: Path, kernel_manager_factory) -> None:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    probe = nbformat.v4.new_code_cell("import sys; print(sys.prefix)")
    nb.cells.append(probe)
    client = NotebookClient(
        nb,
        km=kernel_manager_factory(),
        timeout=600,
        allow_errors=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    started = time.perf_counter()
    client.execute()  # raises CellExecutionError on the first failing cell
    elapsed = time.perf_counter() - started
    printed = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    assert printed.strip() == sys.prefix, "the notebook ran in another interpreter"
    errors = [
        o for cell in nb.cells for o in cell.get("outputs", ()) if o.get("output_type") == "error"
    ]
    assert not errors
    print(f"{path.name}: {elapsed:.1f} s")
