"""French: the grammar that data cannot carry (``kg/lang/fr/*.json`` holds the words).

Generic code reaches these through :func:`kg.lang.grammar` (``grammar("fr").time_rules``),
never by importing this package, so a language is a folder and nothing else.
"""

from __future__ import annotations

from kg.lang.fr.times import time_rules

__all__ = ["time_rules"]
