"""Turtle, TriG, N-Triples and N-Quads text written directly from the builder's triples.

Why not pyoxigraph's writer: it needs the triples parsed back from N-Triples text into Python
term objects first, which cost more than building them (about 190k triples/s in all for
Turtle). The builder's terms are already valid Turtle (IRIs percent-encoded by kg, literals
with canonical escapes), so writing Turtle is grouping by subject and abbreviating terms:

- IRIs become ``prefix:local`` when the local part is a plain PN_LOCAL (letters, digits,
  ``_ - : .``, not ending with ``.``); anything else (percent-encoded hostile names) stays a
  full ``<IRI>``, which every parser reads the same way;
- ``xsd:integer``, ``xsd:decimal`` and ``xsd:boolean`` literals with a canonical lexical form
  are written bare (``133``), other datatypes as ``"..."^^xsd:date``;
- consecutive triples of one subject share it (``;``), of one predicate too (``,``).

Strings need no other escaping than N-Triples' (``\\\\ \\" \\n \\r``): Turtle's string grammar
accepts every other character as-is. The result is deterministic (same triples, same bytes)
and tests/test_rdf.py checks it reads back in rdflib and pyoxigraph as exactly the N-Quads
triples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.export._rdf_terms import Triple, graph_iri
from kg.vocab import DEFAULT_BASE

__all__ = ["merged", "nquads", "ntriples", "trig", "turtle"]

_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
_XSD = "http://www.w3.org/2001/XMLSchema#"
_PN_LOCAL = re.compile(r"[A-Za-z0-9_:](?:[A-Za-z0-9_:.\-]*[A-Za-z0-9_:\-])?")
_BARE = {
    f"<{_XSD}integer>": re.compile(r"[+-]?[0-9]+"),
    f"<{_XSD}decimal>": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    f"<{_XSD}boolean>": re.compile(r"true|false"),
}


class _Terms:
    """N-Triples term -> Turtle term, cached (entity IRIs, predicates and numbers repeat)."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        # longest namespace first, so ``entity/`` wins over a shorter base namespace
        self.namespaces = sorted(
            ((ns, name) for name, ns in prefixes.items()), key=lambda x: (-len(x[0]), x[1])
        )
        self.cache: dict[str, str] = {_RDF_TYPE: "a"}

    def iri(self, term: str) -> str:
        iri = term[1:-1]
        for ns, name in self.namespaces:
            if iri.startswith(ns) and _PN_LOCAL.fullmatch(iri, len(ns)):
                return f"{name}:{iri[len(ns) :]}"
        return term

    def convert(self, term: str) -> str:
        """Turtle form of an IRI or typed literal (plain and language literals are as-is)."""
        if term[0] == "<":
            short = self.iri(term)
        else:
            lexical, datatype = term.rsplit("^^", 1)
            bare = _BARE.get(datatype)
            if bare is not None and bare.fullmatch(lexical, 1, len(lexical) - 1):
                short = lexical[1:-1]
            else:
                short = f"{lexical}^^{self.get(datatype)}"
        self.cache[term] = short
        return short

    def get(self, term: str) -> str:
        return self.cache.get(term) or self.convert(term)


def _header(prefixes: dict[str, str]) -> str:
    return "".join(f"@prefix {name}: <{ns}> .\n" for name, ns in prefixes.items())


def _write(triples: Iterable[Triple], terms: _Terms, indent: str, parts: list[str]) -> None:
    """Append the Turtle statements of ``triples``, grouping consecutive equal subjects."""
    cache, convert = terms.cache, terms.convert
    append = parts.append
    more = indent + "\t"
    prev_s = prev_p = None
    for s, p, o in triples:
        # plain and language-tagged literals are already Turtle; IRIs and typed ones convert
        to = o if o[0] == '"' and o[-1] != ">" else cache.get(o) or convert(o)
        if s == prev_s:
            if p == prev_p:
                append(f" , {to}")
            else:
                append(f" ;\n{more}{cache.get(p) or convert(p)} {to}")
                prev_p = p
        else:
            if prev_s is not None:
                append(" .\n")
            append(f"{indent}{cache.get(s) or convert(s)} {cache.get(p) or convert(p)} {to}")
            prev_s, prev_p = s, p
    if prev_s is not None:
        append(" .\n")


def turtle(triples: Iterable[Triple], prefixes: dict[str, str]) -> bytes:
    """Turtle text of distinct ``triples`` (N-Triples terms), with ``prefixes`` declared."""
    parts = [_header(prefixes)]
    _write(triples, _Terms(prefixes), "", parts)
    return "".join(parts).encode("utf-8")


def trig(graphs: Iterable[tuple[str | None, Iterable[Triple]]], prefixes: dict[str, str]) -> bytes:
    """TriG text of ``(graph term or None for the default graph, triples)`` pairs."""
    parts = [_header(prefixes)]
    terms = _Terms(prefixes)
    for name, triples in graphs:
        if name is None:
            _write(triples, terms, "", parts)
            continue
        parts.append(f"{terms.get(name)} {{\n")
        _write(triples, terms, "\t", parts)
        parts.append("}\n")
    return "".join(parts).encode("utf-8")


def nquads(lines: dict[str | None, list[Triple]], base: str = DEFAULT_BASE) -> bytes:
    """N-Quads text of :func:`build_lines` output."""
    parts: list[bytes] = []
    for doc_id, triples in lines.items():  # encoded per graph: no second full-size str
        g = graph_iri(doc_id, base)
        end = f" {g} .\n" if g else " .\n"
        parts.append("".join([f"{s} {p} {o}{end}" for s, p, o in triples]).encode("utf-8"))
    return b"".join(parts)


def merged(lines: dict[str | None, list[Triple]]) -> list[Triple]:
    """The distinct triples of every graph, in first-seen order (entity descriptions repeat
    per document and are kept once)."""
    if len(lines) == 1:
        return list(dict.fromkeys(next(iter(lines.values()))))
    return list(dict.fromkeys(t for triples in lines.values() for t in triples))


def ntriples(lines: dict[str | None, list[Triple]]) -> bytes:
    """N-Triples text, graphs merged: entity descriptions repeat per document, kept once."""
    return "".join([f"{s} {p} {o} .\n" for s, p, o in merged(lines)]).encode("utf-8")
