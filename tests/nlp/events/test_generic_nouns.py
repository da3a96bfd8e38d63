"""Generic nouns refer back to an event already told; a mishap word ("l'incident", "le
drame") never to an organised happening (a conference, an election, a signing)."""

from __future__ import annotations

import pytest

from kg.api import extract

from ._extract import DATE, classes


def _mentions(text: str) -> dict[str, set[str]]:
    """Event class -> the lower-cased words of its mentions."""
    (x,) = extract([text], date=DATE, lang="fr", progress=False)
    entities = {e.id: e for e in x.entities}
    return {e.cls: {m.text.lower() for m in entities[e.id].mentions} for e in x.events}


CASES = [
    # a mishap word told during a gathering names the mishap, not the gathering
    (
        "Samedi, la mairie de Rennes a organisé une conférence sur le climat. Un incident "
        "s'est produit pendant la conférence : un court-circuit a provoqué un départ de feu.",
        "incident",
        "DISASTER",
        "GATHERING",
    ),
    # ... and the same word after a collision refers back to it
    (
        "Un camion a percuté un autocar près de Dijon. L'incident a fait trois blessés.",
        "incident",
        "ACCIDENT",
        None,
    ),
    # "l'événement" is neutral: it names the festival told before
    (
        "Le festival de jazz a attiré dix mille spectateurs à Nantes. "
        "L'événement a duré trois jours.",
        "événement",
        "GATHERING",
        None,
    ),
]


@pytest.mark.parametrize(("text", "word", "joins", "not_joins"), CASES)
def test_a_generic_noun_joins_the_happening_it_names(
    text: str, word: str, joins: str, not_joins: str | None
) -> None:
    found = _mentions(text)
    assert word in found.get(joins, set()), found
    if not_joins is not None:
        assert not_joins in found, found  # the gathering is still an event
        assert word not in found[not_joins]


# An event noun that is the object of a verb of wishing, demanding or fearing names what
# is wished, not a happening; the same noun told as done stays an event.
WISHES = [
    (
        "Les salariés de Renault ont exigé la démission de Luca de Meo à Boulogne.",
        "APPOINTMENT",
        False,
    ),
    ("Les syndicats de Air France craignent une grève des pilotes le 3 juin.", "PROTEST", False),
    ("Luca de Meo a présenté sa démission lundi à Boulogne.", "APPOINTMENT", True),
]


@pytest.mark.parametrize(("text", "cls", "event"), WISHES)
def test_a_wished_or_feared_happening_is_no_event(text: str, cls: str, event: bool) -> None:
    assert (cls in classes(text)) is event
