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

from spacy.tokens import Doc, Token

from kg.ids import entity_key
from kg.lang import fold
from kg.lang.gazetteer import Gazetteer, name_fold
from kg.nlp.entities.nominals import MentionCandidate
from kg.nlp.extensions import TokenMention
from kg.nlp.tokens import ORTH, strings_of

__all__ = ["department_names", "scope_ministries", "unlink_foreign_institutions"]


def scope_ministries(
    doc: Doc,
    named: Iterable[MentionCandidate],
    *,
    scope: str | None,
    head: str,
    links: frozenset[str],
    is_portfolio: Callable[[Doc, int], bool],
    gazetteer: Gazetteer | None = None,
) -> list[MentionCandidate]:
    """Name portfolios as ministries ("Justice" -> "ministère de la Justice"), and scope
    the ministries that name no country to the article. Returns the portfolios of a plural
    title ("les ministres des Finances de l'Union se retrouvent": many countries' ministries,
    not one), which name no entity: the caller drops them.

    ``head``: the language's word for a ministry; ``links``: the words between a title and
    its portfolio ("de", "la"); ``is_portfolio(doc, i)``: whether ``doc[i]`` follows a
    minister's title. A name with a Wikidata id keeps its own key. A country stated around
    the name ("le ministre *russe* des Affaires étrangères", "le ministère *russe* des
    Affaires étrangères", "… étrangères *chinois*", "… étrangères *de la Russie*") makes it
    that country's ministry, one name and key however the country was stated
    ("ministère des Affaires étrangères (Russie)"), when ``gazetteer`` names the country.
    """
    countries = _country_tokens(doc._.kg_gazetteer or ())
    country_at = _country_starts(doc._.kg_gazetteer or ())
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
            stated = _country_before(doc, j, countries, country_at)
        elif not fold(cand.name).startswith(fold(head) + " "):
            continue
        else:
            stated = _country_inside(doc, cand, countries, country_at, links)
        if stated is None:
            stated = _country_after(doc, cand.end, country_at, links)
        country = gazetteer.get(stated[0]) if gazetteer and stated else None
        if country is not None and stated is not None:
            cand.name = f"{stated[1] or cand.name} ({country.name})"
            cand.extras["country"] = country.key
            cand.key = entity_key("Organization", cand.name)
            continue
        if any(i in countries for i in range(cand.start, cand.end)):
            continue
        key = entity_key("Organization", cand.name)
        cand.key = f"{key}@{scope}" if scope else key
    return plural


def _country_before(
    doc: Doc, links_start: int, countries: set[int], country_at: dict[int, tuple[int, str]]
) -> tuple[str, str] | None:
    """The country of a demonym between a minister's title and the links before the
    portfolio ("le ministre *russe* des …"); the name stays as the caller made it."""
    k = links_start - 1
    if k >= 0 and k in countries and doc[k].pos_ == "ADJ":
        for start, (end, key) in country_at.items():
            if start <= k < end:
                return key, ""
    return None


def _country_inside(
    doc: Doc,
    cand: MentionCandidate,
    countries: set[int],
    country_at: dict[int, tuple[int, str]],
    links: frozenset[str],
) -> tuple[str, str] | None:
    """ "ministère *russe* des Affaires étrangères", "ministère de la Défense *du Mali*": the
    country and the name without it."""
    for start, (end, key) in country_at.items():
        if cand.start < start and end < cand.end and doc[start].is_lower:
            name = f"{doc[cand.start : start].text} {doc[end : cand.end].text}"
            return key, name
        if cand.start + 2 < start and end == cand.end and not doc[start].is_lower:
            k = start
            while k > cand.start + 2 and fold(doc[k - 1].text) in links:
                k -= 1
            if k < start:
                return key, doc[cand.start : k].text
    return None


def _country_after(
    doc: Doc, end: int, country_at: dict[int, tuple[int, str]], links: frozenset[str]
) -> tuple[str, str] | None:
    """The country stated right after a ministry's name: a demonym ("… étrangères
    *chinois*") or a country after "de" ("… étrangères *de la Russie*")."""
    at = country_at.get(end)
    if at is not None and doc[end].is_lower:
        return at[1], ""
    k = end
    while k < len(doc) and k - end < 2 and fold(doc[k].text) in links:
        k += 1
    at = country_at.get(k) if k > end else None
    if at is not None and doc[k].text[:1].isupper():
        return at[1], ""
    return None


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


def _country_starts(hits: Iterable[TokenMention]) -> dict[int, tuple[int, str]]:
    """Start token -> (end, key) of the country names and demonyms the gazetteer found."""
    return {h.start: (h.end, h.key) for h in hits if h.type == "Country"}


def _country_tokens(hits: Iterable[TokenMention]) -> set[int]:
    """Tokens of the country names and demonyms the gazetteer found."""
    return {i for h in hits if h.type == "Country" for i in range(h.start, h.end)}


def department_names(
    doc: Doc, suffixes: frozenset[str], joins: frozenset[str], gazetteer: Gazetteer
) -> list[tuple[int, int]]:
    """Departments named by their portfolios and their country: "Santé Canada", "Pêches et
    Océans Canada", "Immigration, Réfugiés et Citoyenneté Canada".

    Some federal governments name their departments so (``department_suffixes``: the
    country word that closes such a name). The portfolios are capitalised words right
    before the suffix, joined by commas or ``joins`` ("et"); a known place or country among
    them ("Toronto Canada") makes it no department. Returns token spans ``(start, end)``.
    """
    found: list[tuple[int, int]] = []
    # Words from a column: no Token object for every word of the document.
    for i in [k for k, text in enumerate(strings_of(doc, ORTH)) if text in suffixes]:
        start = k = i
        while k > 0 and _portfolio_word(doc[k - 1], gazetteer):
            start = k = k - 1
            if (
                k > 1
                and (doc[k - 1].text == "," or fold(doc[k - 1].text) in joins)
                and _portfolio_word(doc[k - 2], gazetteer)
            ):
                k -= 1  # ", " or "et" between two portfolios
        if start < i:
            found.append((start, i + 1))
    return found


def _portfolio_word(token: Token, gazetteer: Gazetteer) -> bool:
    """A capitalised common word that is no known place, country or organisation."""
    return (
        token.is_title
        and token.is_alpha
        and token.pos_ in ("NOUN", "PROPN", "ADJ")
        and gazetteer.lookup_name(token.text) is None
    )
