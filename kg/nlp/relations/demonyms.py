"""Demonym nouns as arguments: "le Kényan X" is a runner, "les Algériens" a people, never the state.

Why a module of its own: a demonym mention stands for its country by default (kg's
entities), but as a *noun* in a contest or a gathering it names a person or a people; the
relation rules that take agents (contests, patterns) all need the same reading.
"""

from __future__ import annotations

from kg.nlp.extensions import TokenMention
from kg.nlp.syntax import Syntax

__all__ = ["is_people_demonym", "people_demonym_bearer"]

#: How the parser hangs a name on the noun before it ("le Kényan *Ezra Kering*").
_NAME_DEPS = frozenset({"appos", "flat:name", "nmod", "conj"})


def is_people_demonym(mention: TokenMention, syn: Syntax) -> bool:
    """Whether ``mention`` is a demonym used as a noun ("l'Éthiopien", "les Algériens"): a
    person or a people, not the state."""
    return mention.kind == "demonym" and syn.doc[syn.index.roots[mention]].pos_ in {
        "NOUN",
        "PROPN",
    }


def people_demonym_bearer(mention: TokenMention, syn: Syntax) -> TokenMention | None:
    """What a mention stands for where a demonym noun cannot be the state: itself when it is
    no demonym noun, the person it names ("l'Éthiopien *Abeje Ayana*"), else None."""
    if not is_people_demonym(mention, syn):
        return mention
    root = syn.doc[syn.index.roots[mention]]
    for child in root.children:
        if child.dep_ in _NAME_DEPS and syn.case_of(child) is None:
            named = syn.index.at(child)
            if named is not None and named.type == "Person":
                return named
    return None
