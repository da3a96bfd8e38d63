"""A demonstrative event noun refers back to an event told, of its class or a kindred one
("une réunion … cette rencontre"); a noun without a demonstrative tells its own."""

from __future__ import annotations

import pytest

from ._extract import one

REFERS_BACK = [
    (
        "Les ministres européens de la Pêche se sont réunis lundi à Luxembourg. "
        "Le commissaire Virginijus Sinkevičius a présenté son plan lors de cette rencontre.",
        1,
    ),
    (
        "Des centaines d'agriculteurs ont manifesté jeudi devant la préfecture de Rodez. "
        "Ce rassemblement a duré toute la matinée.",
        1,
    ),
    (
        "Deux hommes ont dérobé la recette d'une boulangerie mardi à Quimper. "
        "Cette agression a choqué les commerçants du quartier.",
        1,
    ),
    (
        "Deux hommes ont dérobé la recette d'une boulangerie mardi à Quimper. "
        "Un incendie a détruit l'entrepôt voisin le lendemain.",
        2,
    ),
]


@pytest.mark.parametrize(("text", "n"), REFERS_BACK)
def test_a_demonstrative_refers_back_to_a_kindred_event(text: str, n: int) -> None:
    assert len(one(text).events) == n
