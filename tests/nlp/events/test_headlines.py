"""Event headlines written from the structure: each phrase where the grammar puts it, with
its preposition and its article as written. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.api import extract

DATE = dt.date(2023, 5, 1)


def _headline(text: str, cls: str) -> str:
    (x,) = extract([text], date=DATE, lang="fr", progress=False)
    (event,) = [e for e in x.events if e.cls == cls]
    return event.headline


# A phrase introduced by a preposition keeps it; a direct object takes none.
PREPOSITIONS = [
    (
        "La Pologne a manifesté contre la Russie à Varsovie.",
        "PROTEST",
        "La Pologne a manifesté contre la Russie",
        None,
    ),
    (
        "William Ruto s'est entretenu avec Samia Suluhu Hassan à Nairobi.",
        "CONSULT",
        "William Ruto s'est entretenu avec Samia Suluhu Hassan",
        None,
    ),
    # negative: the verb's own object is no "avec" partner, the title before a name goes
    (
        "Le président kényan William Ruto a rencontré le président tanzanien"
        " Samia Suluhu Hassan à Nairobi.",
        "CONSULT",
        "William Ruto a rencontré Samia Suluhu Hassan",
        "avec",
    ),
]


@pytest.mark.parametrize(("text", "cls", "start", "absent"), PREPOSITIONS)
def test_a_prepositional_role_keeps_its_preposition(
    text: str, cls: str, start: str, absent: str | None
) -> None:
    headline = _headline(text, cls)
    assert headline.startswith(start), headline
    if absent is not None:
        assert absent not in headline


# What the verb governs is written even when it names no entity; never the whole clause.
OBJECTS = [
    (
        "Le ministre Bruno Le Maire a annoncé jeudi à Paris la fermeture de la mine,"
        " qui employait trois cents personnes.",
        "STATEMENT",
        "Bruno Le Maire a annoncé la fermeture de la mine",
        "employait",
    ),
    # the place is written apart, not twice
    (
        "Des policiers ont arrêté trois suspects à Rennes.",
        "COERCE",
        "Des policiers ont arrêté trois suspects (Rennes)",
        "à Rennes",
    ),
    # a place named in the object is not repeated
    (
        "Selon la presse, l'armée a bombardé la ville de Kharkiv.",
        "ASSAULT",
        "L'armée a bombardé la ville de Kharkiv",
        "(Kharkiv)",
    ),
]


@pytest.mark.parametrize(("text", "cls", "start", "absent"), OBJECTS)
def test_the_object_a_verb_governs_is_written(text: str, cls: str, start: str, absent: str) -> None:
    headline = _headline(text, cls)
    assert headline.startswith(start), headline
    assert absent not in headline


# Names keep the article the text gives them; the subject of a passive comes first.
ARTICLES = [
    (
        "La France et l'Allemagne ont signé un accord de défense.",
        "AGREE",
        "La France et l'Allemagne ont signé un accord de défense",
    ),
    (
        "Le traité a été signé par la Norvège et l'Islande à Oslo.",
        "AGREE",
        "Le traité a été signé par la Norvège et l'Islande (Oslo)",
    ),
    # negative: an article the name already starts with is not written twice
    ("Les Pays-Bas ont condamné la Russie.", "DISAPPROVE", "Les Pays-Bas ont condamné la Russie"),
]


@pytest.mark.parametrize(("text", "cls", "headline"), ARTICLES)
def test_names_keep_their_article(text: str, cls: str, headline: str) -> None:
    assert _headline(text, cls) == headline


# The subject is the noun a relative clause hangs on, never the pronoun "qui".
SUBJECTS = [
    (
        "Un camion qui a pris feu sur l'autoroute a bloqué la circulation.",
        "DISASTER",
        "Un camion a pris feu",
    ),
    # negative: a plain subject is written as it stands, quantity included
    (
        "Plus de trois cents manifestants ont bloqué l'autoroute près de Lille.",
        "PROTEST",
        "Plus de trois cents manifestants ont bloqué l'autoroute",
    ),
]


@pytest.mark.parametrize(("text", "cls", "start"), SUBJECTS)
def test_the_subject_is_written_from_its_noun(text: str, cls: str, start: str) -> None:
    headline = _headline(text, cls)
    assert headline.startswith(start), headline
    assert "qui" not in headline.split()


# A verb whose clause writes no subject is headlined by the event's noun, not "A percuté".
NO_SUBJECT = [
    (
        "Après avoir percuté un arbre près de Vannes, le conducteur a pris la fuite.",
        "Collision (Vannes)",
    ),
    # negative: with a subject the clause itself is the headline
    ("Un camion a percuté un autocar près de Vannes.", "Un camion a percuté un autocar"),
]


@pytest.mark.parametrize(("text", "start"), NO_SUBJECT)
def test_a_verb_without_subject_is_headlined_by_its_noun(text: str, start: str) -> None:
    assert _headline(text, "ACCIDENT").startswith(start)
