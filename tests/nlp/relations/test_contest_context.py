"""Contests read beyond the verb's own phrases (kg/nlp/relations/contests.py): a stage stands
for the competition it is of, and a verb of defeat between two named sides with no event of
its own took part in the contest its paragraph named last. One table per construction, each
with negative cases; sentences written for these tests, mentions given by hand.
"""

from __future__ import annotations

import pytest
from _hand import case_ids, sentence_extractor
from _hand import facts_of as facts

pytestmark = pytest.mark.slow

ENTITIES: dict[str, tuple[str, str, str]] = {
    "Lucie Marchand": ("person:marchand", "Person", "name"),
    "Irina Volkova": ("person:volkova", "Person", "name"),
    "Tomas Lind": ("person:lind", "Person", "name"),
    "Portugal": ("PT", "Country", "name"),
    "Croatie": ("HR", "Country", "name"),
    "russe": ("RU", "Country", "demonym"),
    "Coupe d'Europe 2014": ("event:coupe", "Event", "name"),
    "finale": ("event:finale", "Event", "nominal"),
    "tournoi de Vienne": ("event:tournoi", "Event", "nominal"),
    "élection présidentielle": ("event:election", "Event", "nominal"),
    "rassemblement": ("event:rassemblement", "Event", "nominal"),
    "Mondial 2018": ("event:mondial", "Event", "name"),
    "Roland-Garros": ("event:rg", "Event", "name"),
    "opération Sirius": ("event:sirius", "Event", "name"),
    "Printemps de Vienne": ("event:printemps", "Event", "name"),
}

PARTICIPATES = {"participatesIn"}


@pytest.fixture(scope="module")
def extract():
    """``extract(text) -> list[Relation]`` over the model (with kg's sentences) + hand mentions."""
    return sentence_extractor(ENTITIES)


#: "en finale de E": both sides took part in E, the competition, not in its final alone.
STAGES = [
    (
        "Le Portugal a battu la Croatie en finale de la Coupe d'Europe 2014.",
        {
            ("PT", "participatesIn", "event:coupe"),
            ("HR", "participatesIn", "event:coupe"),
        },
    ),
    # no competition named after the stage: the final itself
    (
        "Le Portugal a battu la Croatie en finale mardi soir.",
        {
            ("PT", "participatesIn", "event:finale"),
            ("HR", "participatesIn", "event:finale"),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), STAGES, ids=case_ids(STAGES))
def test_stage_stands_for_its_competition(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: "X a remporté le tournoi. Elle a battu Y": the contest of the paragraph, named before.
EARLIER = [
    (
        "Le tournoi de Vienne s'est achevé samedi. Lucie Marchand a battu Irina Volkova "
        "en deux sets.",
        {
            ("person:marchand", "participatesIn", "event:tournoi"),
            ("person:volkova", "participatesIn", "event:tournoi"),
        },
    ),
    (
        "Le tournoi de Vienne a pris fin hier. Irina Volkova a été battue par Tomas Lind.",
        {
            ("person:volkova", "participatesIn", "event:tournoi"),
            ("person:lind", "participatesIn", "event:tournoi"),
        },
    ),
    (
        "L'élection présidentielle s'est tenue dimanche. Tomas Lind a battu Lucie Marchand "
        "de trois points.",
        {
            ("person:lind", "participatesIn", "event:election"),
            ("person:marchand", "participatesIn", "event:election"),
        },
    ),
    # no named loser: a record is beaten, not a side
    ("Le tournoi de Vienne commence lundi. Tomas Lind a battu le record de points.", set()),
    # a nationality on a common noun is no side; the named loser still took part
    (
        "Le tournoi de Vienne s'est achevé samedi. La joueuse russe a battu Lucie Marchand.",
        {("person:marchand", "participatesIn", "event:tournoi")},
    ),
    # a short report: the contest in the lead paragraph, the results in the next one
    (
        "Le tournoi de Vienne s'est achevé samedi.\n\nLucie Marchand a battu Irina Volkova.",
        {
            ("person:marchand", "participatesIn", "event:tournoi"),
            ("person:volkova", "participatesIn", "event:tournoi"),
        },
    ),
    # the contest was named two paragraphs before
    (
        "Le tournoi de Vienne s'est achevé samedi.\n\nLa pluie a gêné les joueurs."
        "\n\nLucie Marchand a battu Irina Volkova.",
        set(),
    ),
    # not a verb of defeat
    ("Le tournoi de Vienne s'est achevé samedi. Lucie Marchand a félicité Irina Volkova.", set()),
]


@pytest.mark.parametrize(("text", "expected"), EARLIER, ids=case_ids(EARLIER))
def test_defeat_takes_the_contest_named_before(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: "La finale aura lieu à X ; A *y* affrontera B": the clitic "y" stands for the contest
#: named last before the verb, in its sentence or the one before.
CLITIC = [
    (
        "La finale aura lieu à Lisbonne ; le Portugal y affrontera la Croatie.",
        {("PT", "participatesIn", "event:finale"), ("HR", "participatesIn", "event:finale")},
    ),
    (
        "Le tournoi de Vienne débute lundi. Dès mardi, la Croatie y rencontrera le Portugal.",
        {("HR", "participatesIn", "event:tournoi"), ("PT", "participatesIn", "event:tournoi")},
    ),
    # no clitic and no verb of defeat: nothing points back to the contest
    ("La finale aura lieu à Lisbonne. Le Portugal affrontera la Croatie en juin.", set()),
    # "y" on a verb that is no contest
    ("Le tournoi de Vienne débute lundi. Lucie Marchand y a félicité Irina Volkova.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CLITIC, ids=case_ids(CLITIC))
def test_clitic_y_names_the_contest_before(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: A name that says a competition ("le Mondial", a recurring event the entity lexicon
#: knows) is a contest, though no noun of the event lexicon classes it.
NAMED = [
    (
        "Le Portugal a affronté la Croatie au Mondial 2018.",
        {("PT", "participatesIn", "event:mondial"), ("HR", "participatesIn", "event:mondial")},
    ),
    (
        "Lucie Marchand a battu Irina Volkova à Roland-Garros.",
        {
            ("person:marchand", "participatesIn", "event:rg"),
            ("person:volkova", "participatesIn", "event:rg"),
        },
    ),
    # a military operation or a name of no known kind is no contest
    ("Lors de l'opération Sirius, le Portugal a bombardé des dépôts.", set()),
    ("Le Portugal a battu la Croatie lors du Printemps de Vienne.", set()),
]


@pytest.mark.parametrize(("text", "expected"), NAMED, ids=case_ids(NAMED))
def test_named_competition_is_a_contest(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: "l'équipe de X": the team noun stands for the country or club it is the team of.
TEAMS = [
    (
        "L'équipe du Portugal a battu la Croatie au Mondial 2018.",
        {("PT", "participatesIn", "event:mondial"), ("HR", "participatesIn", "event:mondial")},
    ),
    (
        "La sélection de Croatie participera au Mondial 2018.",
        {("HR", "participatesIn", "event:mondial")},
    ),
    # a person's team is not the person
    ("L'équipe de Lucie Marchand a remporté le tournoi de Vienne.", set()),
]


@pytest.mark.parametrize(("text", "expected"), TEAMS, ids=case_ids(TEAMS))
def test_team_stands_for_its_country(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


@pytest.fixture(scope="module")
def nlp():
    """The whole kg pipeline: the election entity is named by the events component."""
    from kg.nlp.pipeline import load_pipeline

    return load_pipeline()


#: A round is part of the election: the event is named by the election's own noun.
ROUNDS = [
    (
        "Claire Dubois l'a emporté au second tour de la présidentielle face à Marc Vidal.",
        {
            ("Claire Dubois", "participatesIn", "présidentielle", "asserted"),
            ("Marc Vidal", "participatesIn", "présidentielle", "asserted"),
        },
    ),
    (
        "Le premier tour des législatives a eu lieu dimanche. Marc Vidal a battu Claire "
        "Dubois dans sa circonscription.",
        {
            ("Marc Vidal", "participatesIn", "législatives", "asserted"),
            ("Claire Dubois", "participatesIn", "législatives", "asserted"),
        },
    ),
    # a round alone keeps its own name
    (
        "Claire Dubois l'a emporté au second tour face à Marc Vidal.",
        {
            ("Claire Dubois", "participatesIn", "second tour", "asserted"),
            ("Marc Vidal", "participatesIn", "second tour", "asserted"),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROUNDS, ids=case_ids(ROUNDS))
def test_round_is_named_by_its_election(nlp, text, expected):
    from _hand import pipeline_facts

    found = {f for f in pipeline_facts(nlp, text) if f[1] == "participatesIn"}
    assert found == expected
