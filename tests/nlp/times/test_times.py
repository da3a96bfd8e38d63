"""kg_times: French temporal expressions -> TIMEX3 values against the document date.

Anchor 2024-02-15 is a Thursday. Sentences are written for these tests.
"""

from __future__ import annotations

import pytest

from kg.nlp.times.component import extract_times
from kg.nlp.times.rules import load_rules

ANCHOR = "2024-02-15"


# --- without a model: spans and values from the text alone --------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Le traité sera signé en décembre.", "décembre"),
        ("L'accord a été conclu le 15 février.", "le 15 février"),
        ("Les prix baisseront mi-mars.", "mi-mars"),
        ("Le pays est membre depuis 2022.", "2022"),
        ("La grève a duré pendant trois jours.", "trois jours"),
        ("Le bus part à 14 h 30 de la gare.", "14 h 30"),
        ("Il a décidé l'année 2019 de partir.", "l'année 2019"),
    ],
)
def test_spans_exclude_prepositions(text: str, span: str) -> None:
    assert [t.text for t in extract_times(text, ANCHOR)] == [span]


@pytest.mark.parametrize(
    "text",
    [
        "La sonde a atteint Mars après un long voyage.",
        "Le pays a envoyé 2 024 soldats à la frontière.",
        "Une fillette de 6 ans a été retrouvée saine et sauve.",
        "Il a été blessé pendant le match.",
        "Le ministre, 54 ans, a démissionné.",
        "Les Jeux olympiques d'hiver attirent les foules.",
    ],
)
def test_non_temporal_lookalikes(text: str) -> None:
    assert extract_times(text, ANCHOR) == []


def test_ids_offsets_and_anchoring() -> None:
    text = "Hier, le conseil a voté. Le 3 mars 2021 reste une date clé."
    times = extract_times(text, ANCHOR)
    assert [(t.id, t.value, t.anchored) for t in times] == [
        ("t1", "2024-02-14", True),
        ("t2", "2021-03-03", False),
    ]
    assert all(text[t.start : t.end] == t.text for t in times)


def test_rules_are_built_once_from_data() -> None:
    rules = load_rules("fr")
    assert [c.rule for c in rules.find("la semaine dernière")] == ["relunit"]


# --- with the parser: tense steers ambiguous expressions -----------------------------------

CASES = [
    # (sentence, anchor, expression text, type, value)
    ("Le ministre a annoncé jeudi un nouveau plan.", ANCHOR, "jeudi", "DATE", "2024-02-15"),
    ("La ministre a parlé lundi devant les députés.", ANCHOR, "lundi", "DATE", "2024-02-12"),
    ("La ministre parlera lundi devant les députés.", ANCHOR, "lundi", "DATE", "2024-02-19"),
    ("Le traité a été signé en décembre.", ANCHOR, "décembre", "DATE", "2023-12"),
    ("Le prochain sommet aura lieu en juillet.", ANCHOR, "juillet", "DATE", "2024-07"),
    ("Il va signer le traité en décembre.", ANCHOR, "décembre", "DATE", "2024-12"),
    ("Le ministre devrait signer l'accord en juillet.", ANCHOR, "juillet", "DATE", "2024-07"),
    (
        "Les ventes ont chuté la semaine dernière.",
        ANCHOR,
        "la semaine dernière",
        "DATE",
        "2024-W06",
    ),
    ("Les ventes progressent cette semaine.", ANCHOR, "cette semaine", "DATE", "2024-W07"),
    ("Les prix ont augmenté le mois dernier.", ANCHOR, "le mois dernier", "DATE", "2024-01"),
    ("Le chômage a reculé l'an dernier.", ANCHOR, "l'an dernier", "DATE", "2023"),
    ("Le budget augmentera l'année prochaine.", ANCHOR, "l'année prochaine", "DATE", "2025"),
    ("Le pays rejoindra l'alliance en 2024.", ANCHOR, "2024", "DATE", "2024"),
    ("L'accord a été conclu le 15 février.", ANCHOR, "le 15 février", "DATE", "2024-02-15"),
    ("Les prix baisseront mi-mars.", ANCHOR, "mi-mars", "DATE", "2024-03"),
    ("La croissance a ralenti fin 2023.", ANCHOR, "fin 2023", "DATE", "2023"),
    ("La réforme entrera en vigueur au printemps.", ANCHOR, "printemps", "DATE", "2024-SP"),
    ("L'usine a fermé il y a deux ans.", ANCHOR, "il y a deux ans", "DATE", "2022"),
    (
        "Les soldats rentreront dans deux semaines.",
        ANCHOR,
        "dans deux semaines",
        "DATE",
        "2024-W09",
    ),
    ("Le pays est membre depuis 2022.", ANCHOR, "2022", "DATE", "2022"),
    ("La grève a duré pendant trois jours.", ANCHOR, "trois jours", "DURATION", "P3D"),
    ("Le marché se tient chaque lundi.", ANCHOR, "chaque lundi", "SET", "XXXX-WXX-1"),
    ("Le club se réunit tous les ans.", ANCHOR, "tous les ans", "SET", "P1Y"),
    ("Un incendie s'est déclaré mardi soir.", ANCHOR, "mardi soir", "TIME", "2024-02-13TEV"),
    ("Le train est arrivé hier à 14 h 30.", ANCHOR, "hier à 14 h 30", "TIME", "2024-02-14T14:30"),
    ("Le président est rentré ce matin.", ANCHOR, "ce matin", "TIME", "2024-02-15TMO"),
    ("La reine reviendra demain.", ANCHOR, "demain", "DATE", "2024-02-16"),
    ("La situation est actuellement stable.", ANCHOR, "actuellement", "TIME", "PRESENT_REF"),
    ("Les usines ont récemment fermé.", ANCHOR, "récemment", "TIME", "PAST_REF"),
    ("Le rapport sera publié prochainement.", ANCHOR, "prochainement", "TIME", "FUTURE_REF"),
    ("Cette armée a été fondée au XIXe siècle.", ANCHOR, "XIXe siècle", "DATE", "18"),
    ("Les années 1990 ont été difficiles.", ANCHOR, "Les années 1990", "DATE", "199"),
    ("Le premier trimestre a été bon.", ANCHOR, "Le premier trimestre", "DATE", "2024-Q1"),
    (
        "Les ministres se sont vus mercredi dernier.",
        ANCHOR,
        "mercredi dernier",
        "DATE",
        "2024-02-14",
    ),
    (
        "Le texte a été voté le 6 janvier dernier.",
        ANCHOR,
        "le 6 janvier dernier",
        "DATE",
        "2024-01-06",
    ),
    ("Le sommet se tiendra en juin prochain.", ANCHOR, "juin prochain", "DATE", "2024-06"),
    ("Les deux pays ont signé l'accord en octobre 98.", ANCHOR, "octobre 98", "DATE", "1998-10"),
    ("La vente a été conclue il y a quelques mois.", ANCHOR, "quelques mois", "DURATION", "PXM"),
    ("Il a été condamné à une peine de deux ans.", ANCHOR, "deux ans", "DURATION", "P2Y"),
    # without an anchor nothing is guessed
    ("Le traité a été signé en décembre.", None, "décembre", "DATE", "XXXX-12"),
    ("Le ministre a parlé jeudi.", None, "jeudi", "DATE", "XXXX-WXX-4"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "anchor", "span", "type_", "value"), CASES)
def test_values(times_nlp, run, text: str, anchor: str | None, span: str, type_: str, value: str):
    times = run(times_nlp, text, anchor)
    # "Le prochain sommet" also yields FUTURE_REF for "prochain" (French TimeBank does so).
    assert [
        (t.text, t.type, t.value) for t in times if t.value != "FUTURE_REF" or t.text == span
    ] == [(span, type_, value)]


@pytest.mark.slow
def test_time_of_day_takes_the_day_in_context(times_nlp, run) -> None:
    text = "Le drame s'est produit mardi. Les pompiers sont arrivés vers 21 h 45."
    times = run(times_nlp, text, ANCHOR)
    assert [(t.text, t.value) for t in times] == [
        ("mardi", "2024-02-13"),
        ("21 h 45", "2024-02-13T21:45"),
    ]
    assert all(t.anchored for t in times)


@pytest.mark.slow
def test_component_declares_what_it_assigns(times_nlp) -> None:
    analysis = times_nlp.analyze_pipes()
    assert "doc._.kg_times" in analysis["summary"]["kg_times"]["assigns"]


@pytest.mark.slow
def test_next_summit_in_july_is_next_july_even_under_a_past_verb(times_nlp) -> None:
    text = (
        "Les ministres se réunissaient pour préparer le prochain sommet de l'Alliance "
        "à Ottawa en juillet."
    )
    doc = times_nlp.make_doc(text)
    doc._.kg_date = "2024-02-15"
    values = {t.text: t.value for t in times_nlp(doc)._.kg_times}
    assert values["juillet"] == "2024-07"


@pytest.mark.slow
def test_marker_just_before_the_date_wins_over_a_misattached_verb(times_nlp) -> None:
    text = (
        "Les ministres se retrouvaient pour discuter de leur soutien et de la préparation "
        "du prochain sommet du G20 à Rio en novembre."
    )
    doc = times_nlp.make_doc(text)
    doc._.kg_date = "2024-02-15"
    values = {t.text: t.value for t in times_nlp(doc)._.kg_times}
    assert values["novembre"] == "2024-11"
