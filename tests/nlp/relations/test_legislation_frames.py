"""Votes and stances on legislative texts, through the whole pipeline: adopting, voting
for or against, rejecting, tabling (the author supports the text), promulgating and
ratifying (signs), in the active, the passive and with lists, with their modality.

Predicates follow the annotation guide: a vote against a bill is ``opposes``, a vote for
it, its adoption or its tabling ``supports``, ratification and promulgation ``signs``.
Sentences written for these tests.
"""

from __future__ import annotations

import pytest
from _hand import pipeline_facts

pytestmark = pytest.mark.slow

LEGISLATIVE = {"supports", "opposes", "signs"}


@pytest.fixture(scope="module")
def nlp():
    from kg.nlp.pipeline import load_pipeline

    return load_pipeline()


def facts(nlp, text: str) -> set[tuple[str, str, str, str]]:
    return {f for f in pipeline_facts(nlp, text) if f[1] in LEGISLATIVE}


ROWS = [
    # adopting and voting: supports
    (
        "L'Assemblée nationale a adopté jeudi le projet de loi sur la pêche côtière.",
        {("Assemblée nationale", "supports", "projet de loi", "asserted")},
    ),
    (
        "Le Conseil de sécurité a voté la résolution 1973.",
        {("Conseil de sécurité des Nations unies", "supports", "résolution 1973", "asserted")},
    ),
    # voting against, a list of voters
    (
        "Les Verts et le Modem ont voté contre la loi sur le renseignement.",
        {
            ("Verts", "opposes", "loi sur le renseignement", "asserted"),
            ("Mouvement démocrate", "opposes", "loi sur le renseignement", "asserted"),
        },
    ),
    # rejecting, opposing
    (
        "Le Parti communiste s'oppose à la réforme des retraites.",
        {("Parti communiste", "opposes", "réforme des retraites", "asserted")},
    ),
    # the author of a bill supports it
    (
        "La sénatrice Claire Vidal a déposé une proposition de loi sur le logement.",
        {("Claire Vidal", "supports", "proposition de loi", "asserted")},
    ),
    # promulgation is the head of state's signature
    (
        "Le président Paul Girard a promulgué la loi de finances.",
        {("Paul Girard", "signs", "loi de finances", "asserted")},
    ),
    # passives: the agent is the voter
    (
        "La réforme des retraites, adoptée par le Sénat, a été promulguée par Paul Girard.",
        {
            ("Sénat", "supports", "réforme des retraites", "asserted"),
            ("Paul Girard", "signs", "réforme des retraites", "asserted"),
        },
    ),
    # modality: negation, future
    (
        "Le Sénat n'a pas adopté la loi Evin.",
        {("Sénat", "supports", "loi Evin", "negated")},
    ),
    (
        "Le Sénat devrait adopter la loi Evin la semaine prochaine.",
        {("Sénat", "supports", "loi Evin", "expected")},
    ),
    # a reference back: the vote is on the text named before
    (
        "Le ministre Paul Girard a présenté un projet de loi sur l'eau. "
        "Le texte a été rejeté par le Sénat.",
        {
            ("Paul Girard", "supports", "projet de loi sur l'eau", "asserted"),
            ("Sénat", "opposes", "projet de loi sur l'eau", "asserted"),
        },
    ),
    # negatives: no text, no stance on a text
    ("L'Assemblée a adopté une position commune sur la Syrie.", set()),
    ("Le Sénat a adopté un budget de trois millions d'euros.", set()),
    ("Paul Girard a présenté ses excuses au Sénat.", set()),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_votes_and_stances_on_texts(nlp, text, expected):
    assert facts(nlp, text) == expected


#: A vote with the text left unsaid: the one text the article named before.
ELLIPTIC = [
    (
        "Le projet de loi a été adopté de justesse. Le sénateur Marc Durand a voté contre.",
        {("Marc Durand", "opposes", "projet de loi", "asserted")},
    ),
    (
        "Le Sénat a examiné la loi Evin. Marc Durand a voté contre avec les Verts.",
        {
            ("Marc Durand", "opposes", "loi Evin", "asserted"),
            ("Verts", "opposes", "loi Evin", "asserted"),
        },
    ),
    # two texts named: which one was voted is not stated
    ("Le Sénat a examiné la loi Evin et la loi Hadopi. Marc Durand a voté contre.", set()),
    # no text named at all
    ("Marc Durand a voté contre, comme la veille.", set()),
]


@pytest.mark.parametrize(("text", "expected"), ELLIPTIC)
def test_an_elliptic_vote_is_on_the_one_text_named(nlp, text, expected):
    assert {f for f in facts(nlp, text) if f[2] != "Sénat"} == expected


#: A referendum is an Event; a stance on it is a stance on the vote.
REFERENDUMS = [
    (
        "Le Parti communiste s'oppose au référendum sur la monarchie.",
        {("Parti communiste", "opposes", "référendum", "asserted")},
    ),
    (
        "Le Parti communiste appelle à boycotter le plébiscite.",
        {("Parti communiste", "opposes", "plébiscite", "asserted")},
    ),
    # winning a referendum is no stance on it
    ("Le Parti communiste a gagné le référendum.", set()),
]


@pytest.mark.parametrize(("text", "expected"), REFERENDUMS)
def test_stances_on_a_referendum(nlp, text, expected):
    assert facts(nlp, text) == expected
