"""Legislative texts as ``Agreement`` entities (kg/nlp/entities/legislation.py): a bill, a
law, a reform, a resolution or a decree is a mention when its phrase says which text it is,
a bare "la loi" / "le texte" when it refers back to the one text named before, and never a
generic use of the noun. Sentences written for these tests.
"""

from __future__ import annotations

import pytest
from _parse import parse

pytestmark = pytest.mark.slow


def texts(nlp, text: str) -> dict[str, tuple[str, ...]]:
    """Agreement name -> its mention texts, for ``text`` read as one article."""
    return {
        e.name: tuple(m.text for m in e.mentions)
        for e in parse(nlp, text, "law1")._.kg_entities.values()
        if e.type == "Agreement"
    }


#: The complement that names one text: topic, proper name, number, issuer, date.
NAMED = [
    ("Les sénateurs examinent le projet de loi sur la pêche côtière.", "projet de loi"),
    ("La loi Evin encadre la publicité pour l'alcool.", "loi Evin"),
    ("Le Conseil de sécurité a voté la résolution 1973 mardi.", "résolution 1973"),
    ("Les syndicats manifestent contre la réforme des retraites.", "réforme des retraites"),
    ("La loi de 1905 sépare les Églises et l'État.", "loi de 1905"),
    ("Le Parlement a amendé la loi sur le renseignement.", "loi sur le renseignement"),
    ("Le gouvernement a adopté la loi de finances rectificative.", "loi de finances"),
    ("L'opposition a déposé une proposition de loi sur les loyers.", "proposition de loi"),
]


@pytest.mark.parametrize(("text", "name"), NAMED)
def test_a_named_text_is_an_agreement(nlp, text, name):
    assert any(n.startswith(name) for n in texts(nlp, text)), texts(nlp, text)


#: Generic uses of the same nouns: no text is named.
GENERIC = [
    "Personne n'est au-dessus des lois dans ce pays.",
    "Les lois de la physique interdisent un tel moteur.",
    "La loi du marché a eu raison de la petite librairie.",
    "Le médecin a rédigé une ordonnance pour des antibiotiques.",
    "La résolution du conflit passe par un dialogue.",
    "La constitution d'un nouveau gouvernement prendra des semaines.",
    "Le règlement du différend a pris dix ans.",
    "Le club dispose d'un budget de trois millions d'euros.",
    "Conformément à la loi, les bureaux de vote ferment à 20 heures.",
]


@pytest.mark.parametrize("text", GENERIC)
def test_a_generic_use_names_no_text(nlp, text):
    assert texts(nlp, text) == {}


#: A bare definite head refers back to the one text named before; with two candidates
#: (or none) it refers to nothing kg can tell.
REFERENCES = [
    (
        "Le ministre a présenté un projet de loi sur l'eau. Le texte a été adopté par le Sénat.",
        {"projet de loi sur l'eau": ("projet de loi sur l'eau", "texte")},
    ),
    (
        "Les députés ont voté la loi Evin. Le Sénat a ensuite approuvé la loi.",
        {"loi Evin": ("loi Evin", "loi")},
    ),
    ("Le Sénat a rejeté le texte hier soir.", {}),
    (
        "Le Sénat a voté la loi Evin. Elle abroge la loi qui interdisait les affiches.",
        {"loi Evin": ("loi Evin",)},
    ),
    (
        "La loi Evin et la loi Hadopi sont contestées. Le Sénat a rejeté le texte.",
        {"loi Evin": ("loi Evin",), "loi Hadopi": ("loi Hadopi",)},
    ),
]


@pytest.mark.parametrize(("text", "expected"), REFERENCES)
def test_a_bare_text_refers_back_to_one_candidate(nlp, text, expected):
    assert texts(nlp, text) == expected
