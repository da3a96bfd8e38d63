"""Event records on French news sentences written for these tests: class, roles, place,
time, modality, quantities, one event per happening, and the negatives that are no event.
"""

from __future__ import annotations

import pytest

from kg.event_classes import event_classes
from kg.lang import load_data
from kg.model import Extraction
from kg.nlp.events.lexicon import EventLexicon

from ._extract import one


def _named(x: Extraction) -> dict[str, str]:
    return {e.id: e.name for e in x.entities}


def _events(text: str) -> list[tuple[str, str | None, str | None]]:
    """(class, place name, time value) of each event of ``text``."""
    x = one(text)
    names, times = _named(x), {t.id: t.value for t in x.times}
    return [(e.cls, names.get(e.place) if e.place else None, times.get(e.time)) for e in x.events]


CLASSES = [
    ("Un incendie a ravagé un entrepôt de Nantes dans la nuit de samedi.", "DISASTER", "Nantes"),
    ("Mardi, un camion a percuté un autocar sur l'autoroute près de Dijon.", "ACCIDENT", "Dijon"),
    (
        "Des milliers de retraités ont manifesté à Marseille contre la réforme.",
        "PROTEST",
        "Marseille",
    ),
    ("Les cheminots sont en grève depuis lundi à Bordeaux.", "PROTEST", "Bordeaux"),
    ("Un séisme de magnitude 6 a frappé le sud de la Turquie.", "DISASTER", None),
    ("Un attentat à la voiture piégée a visé un marché de Kaboul.", "ASSAULT", "Kaboul"),
    ("Le suspect a été interpellé jeudi à Lille par les douaniers.", "COERCE", "Lille"),
    ("Des cambrioleurs ont dérobé des tableaux au musée de Gand.", "CRIME", None),
    ("Le scrutin présidentiel s'est tenu dimanche au Sénégal.", "ELECTION", "Sénégal"),
]


@pytest.mark.parametrize(("text", "cls", "place"), CLASSES)
def test_each_class_is_read_with_its_place(text: str, cls: str, place: str | None) -> None:
    found = _events(text)
    assert [c for c, _, _ in found] == [cls], found
    if place is not None:
        assert found[0][1] == place


NOT_EVENTS = [
    "Cette réunion de famille a eu lieu chez ses grands-parents.",
    "Il voit ce contretemps comme un accident de parcours sans gravité.",
    "Le gouvernement a donné son feu vert au projet de loi.",
    "Elle a arrêté de fumer l'an dernier.",
    "Il est parti rendre visite à sa famille pendant les vacances.",
]


@pytest.mark.parametrize("text", NOT_EVENTS)
def test_idioms_and_private_life_are_no_news_events(text: str) -> None:
    assert _events(text) == []


def test_nouns_and_verbs_of_one_happening_are_one_event_with_its_toll() -> None:
    text = (
        "Le 12 mai 2021, une camionnette a heurté un tramway à Grenoble. "
        "L'accident a fait deux morts et cinq blessés. "
        "Le drame a bouleversé le quartier."
    )
    x = one(text)
    (event,) = x.events
    times = {t.id: t.value for t in x.times}
    assert event.cls == "ACCIDENT"
    assert times[event.time] == "2021-05-12"  # the opening date is no dateline
    assert _named(x)[event.place] == "Grenoble"
    assert event.quantities == {"dead": 2, "injured": 5}
    assert {m.text for m in event.mentions} >= {"heurté", "accident", "drame"}
    entity = next(e for e in x.entities if e.id == event.id)
    assert entity.type == "Event"


def test_a_second_happening_of_a_kind_is_a_second_event() -> None:
    text = (
        "Un incendie a détruit une grange à Vannes lundi. "
        "Un autre incendie s'est déclaré mercredi dans une scierie de Lorient."
    )
    found = _events(text)
    assert [(c, p) for c, p, _ in found] == [("DISASTER", "Vannes"), ("DISASTER", "Lorient")]


def test_who_did_what_to_whom_from_subject_object_and_lists() -> None:
    x = one("La France, l'Allemagne et l'Italie ont condamné la Russie.")
    names = _named(x)
    (event,) = x.events
    assert event.cls == "DISAPPROVE"
    assert [names[k] for k in event.actors] == ["France", "Allemagne", "Italie"]
    assert [names[k] for k in event.targets] == ["Russie"]
    assert event.headline.startswith("La France, l'Allemagne et l'Italie ont condamné la Russie")


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # the verb's own object is its partner: no "avec" before it
        (
            "Le président kényan William Ruto a rencontré le président tanzanien"
            " Samia Suluhu Hassan à Nairobi.",
            "William Ruto a rencontré Samia Suluhu Hassan",
        ),
        # a partner introduced by "avec" keeps it, and the reflexive verb keeps its "se"
        (
            "William Ruto s'est entretenu avec Samia Suluhu Hassan à Nairobi.",
            "William Ruto s'est entretenu avec Samia Suluhu Hassan",
        ),
    ],
)
def test_a_meeting_headline_reads_as_french(text: str, start: str) -> None:
    (event,) = one(text).events
    assert event.headline.startswith(start)


def test_the_impersonal_il_is_not_part_of_the_verb_group(fr_nlp) -> None:
    from kg.nlp.events.headline import verb_group

    doc = fr_nlp("Il s'est produit une explosion dans l'usine.")
    verb = next(t for t in doc if t.lemma_ == "produire")
    assert verb_group(verb) == "s'est produit"


def test_a_political_verb_without_two_parties_is_no_event() -> None:
    assert _events("Les habitants ont critiqué le nouveau plan de circulation.") == []


def test_the_passive_agent_is_the_actor_and_the_subject_the_target() -> None:
    x = one("Le traité a été signé par la Norvège et l'Islande à Oslo.")
    names = _named(x)
    (event,) = x.events
    assert event.cls == "AGREE"
    assert [names[k] for k in event.actors] == ["Norvège", "Islande"]
    assert names[event.place] == "Oslo"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Le prochain sommet du G7 se tiendra à Hiroshima.", "planned"),
        ("La Suède devrait signer l'accord à Genève en mars.", "expected"),
        ("La Grèce n'a pas signé l'accord à Rome.", "negated"),
        ("Des policiers ont arrêté trois suspects à Rennes.", "asserted"),
    ],
)
def test_modality_comes_from_the_clause(text: str, modality: str) -> None:
    x = one(text)
    assert [e.modality for e in x.events] == [modality], x.events


def test_the_scene_told_in_an_earlier_sentence_places_the_event() -> None:
    text = (
        "Les pompiers sont intervenus samedi matin à Besançon. "
        "Une fuite de gaz avait provoqué une explosion dans un immeuble."
    )
    x = one(text)
    names = _named(x)
    (event,) = x.events
    assert "Besançon" in {names[k] for k in event.places}


def test_an_event_is_located_in_the_place_of_its_place() -> None:
    x = one("Une explosion a soufflé une usine de Rouen (Seine-Maritime).")
    names = _named(x)
    (event,) = x.events
    assert {"Rouen", "Seine-Maritime"} <= {names[k] for k in event.places}
    # A happening's places are locatedIn facts too (decision 0009, eleventh session).
    assert _located(x, event.id) == {"Rouen", "Seine-Maritime"}


def _located(x: Extraction, event: str) -> set[str]:
    names = _named(x)
    return {
        names[r.object] for r in x.relations if r.subject == event and r.predicate == "locatedIn"
    }


def _places(x: Extraction, event: str) -> set[str]:
    names = _named(x)
    (record,) = [e for e in x.events if e.id == event]
    return {names[k] for k in record.places}


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # Accented and plural common nouns are places of their own, beside the named one.
        ("Un hélicoptère s'est écrasé dans une forêt en Bolivie mardi.", {"Bolivie", "forêt"}),
        (
            "Des centaines de jeunes ont provoqué une émeute dans les rues de Lille.",
            {"Lille", "rues"},
        ),
        (
            "Un accident s'est produit sur la route nationale près de Dijon.",
            {"Dijon", "route nationale"},
        ),
        # "la banlieue de X" leads to X.
        ("Deux hommes ont été agressés dans la banlieue de Toulouse.", {"Toulouse"}),
    ],
)
def test_the_places_a_sentence_gives_an_event(text: str, places: set[str]) -> None:
    x = one(text)
    (event,) = x.events
    assert _places(x, event.id) == places


def test_a_city_named_with_its_country_puts_the_event_in_both() -> None:
    x = one("Le Chili a été endeuillé. Un autocar a percuté un camion près de Valparaíso.")
    crash = next(e for e in x.events if e.cls == "ACCIDENT")
    assert {"Valparaíso", "Chili"} <= _places(x, crash.id)


def test_a_common_noun_place_of_another_clause_is_not_the_events_place() -> None:
    x = one("Pendant l'élection, peu de soldats patrouillaient dans les rues de la capitale.")
    (vote,) = x.events
    assert "rues" not in _places(x, vote.id)


@pytest.mark.parametrize(
    ("text", "cls"),
    [
        ("Un adolescent s'est suicidé mardi dans sa chambre.", "DEATH"),
        ("Un chalutier a coulé au large de Lorient.", "ACCIDENT"),
        ("Des pillards ont saccagé trois magasins du centre.", "CRIME"),
        ("Un vote sur la réforme a eu lieu au Parlement.", "ELECTION"),
        ("Des échauffourées ont opposé supporters et policiers.", "PROTEST"),
    ],
)
def test_triggers_beyond_the_first_lexicon(text: str, cls: str) -> None:
    assert cls in {e.cls for e in one(text).events}


def test_a_stated_date_wins_over_a_vague_present() -> None:
    text = (
        "Nous étions le 4 mars 2021 à Lorient. "
        "Un incendie ravage actuellement une scierie de la ville."
    )
    x = one(text)
    times = {t.id: t.value for t in x.times}
    fire = next(e for e in x.events if e.cls == "DISASTER")
    assert times[fire.time] == "2021-03-04"


def test_every_class_of_the_lexicon_is_a_concept_of_the_scheme() -> None:
    lex = EventLexicon(load_data("fr", "events"))
    assert lex.classes() <= set(event_classes())
    # PLOVER's eighteen categories carry their quad class; kg's own classes none.
    quads = {c.quad for c in event_classes().values()}
    assert quads == {
        None,
        "verbalCooperation",
        "materialCooperation",
        "verbalConflict",
        "materialConflict",
    }
    assert sum(1 for c in event_classes().values() if c.quad) == 18
