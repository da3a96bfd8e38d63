"""Institutions every country has, kept apart across articles.

Why a module of its own: every country has a ministry of justice, a senate, a national
assembly. "le ministre de la *Justice*" names an organisation (the news annotation
convention marks the portfolio) and "le ministère de la Justice" the same one; without a
country in the name or a Wikidata id, the ministry is that article's ministry: its key is
scoped to the article, so :mod:`kg.resolve` never merges France's with Belgium's by name,
and inside the article the portfolio and the full name are one entity. Likewise a
gazetteer name shared by every country's institution ("l'Assemblée nationale", "le
Sénat", listed with the country it names) keeps its link only in an article that names
that country or none: in an article about Caracas it is Venezuela's assembly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc

from kg.ids import entity_key
from kg.lang import fold
from kg.lang.gazetteer import Gazetteer, name_fold
from kg.nlp.entities.nominals import MentionCandidate
from kg.nlp.extensions import TokenMention

__all__ = ["scope_ministries", "unlink_foreign_institutions"]


def scope_ministries(
    doc: Doc,
    named: Iterable[MentionCandidate],
    *,
    scope: str | None,
    head: str,
    links: frozenset[str],
    is_portfolio: Callable[[Doc, int], bool],
) -> list[MentionCandidate]:
    """Name portfolios as ministries ("Justice" -> "ministère de la Justice"), and scope
    the ministries that name no country to the article. Returns the portfolios of a plural
    title ("les ministres des Finances de l'Union se retrouvent": many countries' ministries,
    not one), which name no entity: the caller drops them.

    ``head``: the language's word for a ministry; ``links``: the words between a title and
    its portfolio ("de", "la"); ``is_portfolio(doc, i)``: whether ``doc[i]`` follows a
    minister's title. A name with a country ("ministère turc des Affaires étrangères") or a
    Wikidata id keeps its own key.
    """
    countries = _country_tokens(doc._.kg_gazetteer or ())
    plural: list[MentionCandidate] = []
    for cand in named:
        if cand.type != "Organization" or cand.wikidata:
            continue
        if cand.extras.get("portfolio") or is_portfolio(doc, cand.start):
            j = cand.start
            while j > 0 and fold(doc[j - 1].text) in links:
                j -= 1
            if _plural_title(doc, j):
                plural.append(cand)
                continue
            cand.name = f"{head} {doc[j : cand.end].text}"
            cand.extras["portfolio"] = True
        elif not fold(cand.name).startswith(fold(head) + " "):
            continue
        if any(i in countries for i in range(cand.start, cand.end)):
            continue
        key = entity_key("Organization", cand.name)
        cand.key = f"{key}@{scope}" if scope else key
    return plural


def unlink_foreign_institutions(
    doc: Doc,
    named: list[MentionCandidate],
    *,
    gazetteer: Gazetteer,
    generic: set[str],
    scope: str | None,
    lang: str,
) -> None:
    """Drop the link of a generic institution name whose country the article does not name.

    The article's countries are the countries it names and the countries of the places it
    names; only without those, the countries of its demonyms ("la langue *française*" says
    little about where an assembly sits). With none, the gazetteer's reading stands (the
    news of the language's home); with some, and not the entry's, the name is this
    article's body.
    """
    countries: set[str] = set()
    for cand in named:
        entry = gazetteer.get(cand.key) if cand.key else None
        if cand.type == "Country" and cand.key:
            countries.add(cand.key)
        elif cand.type == "Place" and entry is not None and entry.country:
            countries.add(entry.country)
    if not countries:
        countries = {h.key for h in doc._.kg_gazetteer or () if h.type == "Country"}
    if not countries:
        return
    for cand in named:
        entry = gazetteer.get(cand.key) if cand.key else None
        if (
            cand.type != "Organization"
            or entry is None
            or entry.country is None
            or entry.country in countries
            or name_fold(cand.name, lang) not in generic
        ):
            continue
        key = entity_key("Organization", cand.name)
        cand.key, cand.wikidata = (f"{key}@{scope}" if scope else key), None


def _plural_title(doc: Doc, end: int) -> bool:
    """Whether the title before ``end`` (adjectives apart: "ministres européens") is plural."""
    k = end - 1
    while k > 0 and end - k <= 3 and doc[k].pos_ == "ADJ":
        k -= 1
    return k >= 0 and "Plur" in doc[k].morph.get("Number")


def _country_tokens(hits: Iterable[TokenMention]) -> set[int]:
    """Tokens of the country names and demonyms the gazetteer found."""
    return {i for h in hits if h.type == "Country" for i in range(h.start, h.end)}
