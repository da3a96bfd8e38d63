"""The one build path: documents in; extractions, resolved entities and a graph out.

Why a package: :func:`kg.build` (notebooks), ``kg build`` and ``kg extract`` (the command
line) read, extract, resolve and graph documents the same way, so they share one path:

- :mod:`kg.build.options` — :class:`BuildOptions`, every setting of a build in one record;
- :mod:`kg.build.inputs` — :class:`Corpus`: paths, globs, article text and Documents;
- :mod:`kg.build.corpus` — scan, extract (here, in worker processes or on Dask), load,
  resolve and graph: :func:`extract_corpus`, :func:`build_corpus`;
- :mod:`kg.build.cache` — extractions cached on disk, or in memory for one build;
- :mod:`kg.build.distributed` — extraction on a Dask cluster;
- :mod:`kg.build.progress` — the progress bar and notes on stderr.

Data flows one way: nothing here imports :mod:`kg.api` (the notebooks' result object is
made from a :class:`CorpusRun` by its caller), and writing the output files is
:func:`kg.export.outputs.write_outputs`.

Note: the attribute ``kg.build`` is the public function :func:`kg.api.build`, not this
package. Import from the package by name (``from kg.build import BuildOptions``,
``from kg.build.corpus import build_corpus``), never as ``import kg.build.corpus``
followed by ``kg.build.corpus.…``.

>>> import kg
>>> from kg.build import BuildOptions
>>> callable(kg.build), BuildOptions().workers
(True, 1)
"""

from __future__ import annotations

from kg.build.cache import CACHE_DIRNAME
from kg.build.corpus import CorpusRun, build_corpus, extract_corpus
from kg.build.inputs import Corpus
from kg.build.options import BuildOptions

__all__ = [
    "CACHE_DIRNAME",
    "BuildOptions",
    "Corpus",
    "CorpusRun",
    "build_corpus",
    "extract_corpus",
]
