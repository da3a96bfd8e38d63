"""Where an organisation's name ends, and page chrome that names no organisation.

Why these tests: on news text, organisation names were cut or overgrown in a few general
ways. A ministry holding several portfolios ("le ministère de l'Économie et des
Finances") was cut after its first one, and the others became places or bodies of their
own; an adjective that opens a phrase of its own ("le commissariat des Lilas *âgé de*
cent ans") was taken into the name; a hyphenated qualifier the tokenizer cuts ("la
compagnie *low-cost* X") hid the name after a kind noun; and the sharing menu that pages
keep when copied as text ("Facebook ,", "Reddit ,", one per line) gave companies that no
sentence mentions. Each table holds the look-alikes that must keep their old reading.
"""

from __future__ import annotations

import pytest
from _parse import organisations, parse

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a ministry's further portfolios, joined by "et" or commas
        (
            "Le ministère de l'Économie et des Finances a démenti hier.",
            "ministère de l'Économie et des Finances",
        ),
        (
            "La ministre de l'Immigration, des Réfugiés et de la Citoyenneté a présenté un projet.",
            "ministère de l'Immigration, des Réfugiés et de la Citoyenneté",
        ),
        (
            "Le ministre de la Culture et de la Communication Aline Perrin a inauguré le musée.",
            "ministère de la Culture et de la Communication",
        ),
        # after "ministère" a portfolio may hold several capitalised words
        (
            "Selon le ministère de l'Intérieur et de la Sécurité Civile, le bilan s'alourdit.",
            "ministère de l'Intérieur et de la Sécurité Civile",
        ),
    ],
)
def test_coordinated_portfolios_are_one_ministry(nlp, text: str, name: str) -> None:
    orgs = organisations(nlp, text)
    assert name in orgs, orgs
    assert len(orgs) == 1, orgs


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # two ministers, two ministries
        (
            "Le ministre de l'Intérieur et le ministre de la Justice se sont réunis.",
            {"ministère de l'Intérieur", "ministère de la Justice"},
        ),
        # a place after "et de" is no portfolio
        (
            "Le ministère de la Santé et de la France entière a lancé une campagne.",
            {"ministère de la Santé"},
        ),
    ],
)
def test_coordination_stops_at_another_phrase(nlp, text: str, names: set[str]) -> None:
    orgs = organisations(nlp, text)
    assert names <= set(orgs), orgs
    assert not any(" et " in n for n in orgs), orgs


@pytest.mark.parametrize(
    ("text", "name", "overgrown"),
    [
        (
            "Le commissariat des Lilas âgé de cent ans a été rénové.",
            "commissariat des Lilas",
            "commissariat des Lilas âgé",
        ),
        (
            "L'hôpital de Vannes proche du port a été évacué dimanche.",
            "hôpital de Vannes",
            "hôpital de Vannes proche",
        ),
    ],
)
def test_an_adjective_opening_a_phrase_is_no_part_of_the_name(
    nlp, text: str, name: str, overgrown: str
) -> None:
    orgs = organisations(nlp, text)
    assert name in orgs and overgrown not in orgs, orgs


def test_lower_case_adjectives_of_the_name_stay(nlp) -> None:
    """ "des Affaires étrangères" keeps its adjective: it takes no phrase of its own."""
    orgs = organisations(nlp, "Le ministère des Affaires étrangères a convoqué l'ambassadeur.")
    assert "ministère des Affaires étrangères" in orgs, orgs


@pytest.mark.parametrize(
    ("text", "name", "description"),
    [
        (
            "La compagnie aérienne low-cost Skyvolt a suspendu ses vols vers Lisbonne.",
            "Skyvolt",
            "compagnie aérienne",
        ),
        ("Le groupe agro-alimentaire Danvik a racheté la marque.", "Danvik", "groupe"),
    ],
)
def test_name_after_a_hyphenated_qualifier(nlp, text: str, name: str, description: str) -> None:
    orgs = organisations(nlp, text)
    assert name in orgs, orgs
    assert not any(n.startswith(description) for n in orgs), orgs


def test_hyphenated_qualifier_after_a_head_with_a_complement_opens_no_name(nlp) -> None:
    """Only a kind noun before a name takes a hyphenated qualifier into the name's start:
    "la brigade de gendarmerie anti-émeute de Lyon" is no "gendarmerie anti-émeute de Lyon"."""
    orgs = organisations(nlp, "La brigade de gendarmerie anti-émeute de Lyon a été appelée.")
    assert not any(n.startswith("gendarmerie") for n in orgs), orgs


def test_hyphenated_qualifier_without_a_name_is_a_description(nlp) -> None:
    orgs = organisations(nlp, "Une compagnie aérienne low-cost a suspendu ses vols vers Lisbonne.")
    assert any(n.startswith("compagnie aérienne") for n in orgs), orgs


def _mentioned(nlp, text: str) -> set[str]:
    doc = parse(nlp, text, "menu1")
    return {doc[m.start : m.end].text for m in doc._.kg_mentions}


def test_sharing_menu_names_no_company(nlp) -> None:
    text = (
        "Un incendie a détruit un entrepôt près de Brest mardi.\n\n"
        "Partager cet article :\nCourriel ,\nFacebook ,\nGoogle ,\nReddit ,\nYahoo!\n"
    )
    mentioned = _mentioned(nlp, text)
    assert not mentioned & {"Facebook", "Google", "Reddit", "Yahoo"}, mentioned
    assert "Brest" in mentioned, mentioned


@pytest.mark.parametrize(
    "text",
    [
        "Google a racheté une jeune pousse lyonnaise pour deux milliards.",
        "Le réseau Reddit a fermé plusieurs forums.\nGoogle a réagi dans la soirée.",
    ],
)
def test_web_services_in_sentences_stay_organisations(nlp, text: str) -> None:
    orgs = organisations(nlp, text)
    assert "Google" in orgs or "Reddit" in orgs, orgs


@pytest.mark.parametrize(
    ("text", "name", "person"),
    [
        # a filiation particle or a glued Arabic article inside a building's name
        (
            "Des fidèles priaient dans la mosquée Omar ben Khattab vendredi.",
            "mosquée Omar ben Khattab",
            "Omar ben Khattab",
        ),
        (
            "Le muezzin de la mosquée Hamza al-Qahtani a été blessé.",
            "mosquée Hamza al-Qahtani",
            "Hamza al-Qahtani",
        ),
    ],
)
def test_particles_inside_a_head_noun_name(nlp, text: str, name: str, person: str) -> None:
    doc = parse(nlp, text, "p1")
    found = {e.name: e.type for e in doc._.kg_entities.values()}
    assert found.get(name) == "Organization", found
    assert person not in found, found


def test_a_person_with_a_particle_stays_a_person(nlp) -> None:
    doc = parse(nlp, "Le président Ahmed ben Salem a visité la ville.", "p2")
    found = {e.name: e.type for e in doc._.kg_entities.values()}
    assert found.get("Ahmed ben Salem") == "Person", found


def test_a_hyphenated_place_name_with_an_elision_stays_whole(nlp) -> None:
    """ "la Croix-d'Argent": the tokenizer cuts "-", "d'", "Argent"; the name runs on."""
    orgs = organisations(nlp, "Le commissariat de la Croix-d'Argent a été attaqué mardi.")
    assert "commissariat de la Croix-d'Argent" in orgs, orgs
    assert "commissariat de la Croix" not in orgs, orgs
