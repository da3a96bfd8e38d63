"""Decades and centuries in TIMEX3 form: "les années 60" is 196, "le XIXe siècle" 18.

Sentences written for kg; anchor 2024-02-15. A part of the period ("la fin du", "la seconde
moitié des") is in the span but does not change the value; a decade written with two digits
is of the 1900s (the 2000s' are written in full).
"""

from __future__ import annotations

import pytest

from kg.nlp.times.component import extract_times

ANCHOR = "2024-02-15"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dans les années 60, la ville comptait dix usines.", [("les années 60", "196")]),
        ("Les années 1990 ont été rudes.", [("Les années 1990", "199")]),
        ("Depuis les années 2000, le bourg se vide.", [("les années 2000", "200")]),
        (
            "Dans les années soixante-dix, le quartier a changé.",
            [("les années soixante-dix", "197")],
        ),
        ("La décennie 2010 a été marquée par la crise.", [("La décennie 2010", "201")]),
        ("Au début des années 1980, le chômage a grimpé.", [("début des années 1980", "198")]),
        ("À la fin des années 90, la toile s'est répandue.", [("la fin des années 90", "199")]),
        (
            "Dans la seconde moitié des années 60, la ville a grandi.",
            [("la seconde moitié des années 60", "196")],
        ),
        ("Les années 60 et 70 ont été prospères.", [("Les années 60", "196"), ("70", "197")]),
        ("La fin du XIXe siècle a vu naître l'automobile.", [("La fin du XIXe siècle", "18")]),
        ("Au début du XXe siècle, la ville s'est étendue.", [("début du XXe siècle", "19")]),
        ("Le château date du 12e siècle.", [("12e siècle", "11")]),
        ("Le Ve siècle a vu la chute de Rome.", [("Ve siècle", "04")]),
        ("Le dix-neuvième siècle a vu naître le rail.", [("dix-neuvième siècle", "18")]),
        ("À la fin du vingtième siècle, la mine a fermé.", [("la fin du vingtième siècle", "19")]),
        (
            "Depuis la seconde moitié du XXe siècle, la vallée se vide.",
            [("la seconde moitié du XXe siècle", "19")],
        ),
        (
            "Les XVIIe et XVIIIe siècles ont été prospères.",
            [("XVIIe", "16"), ("XVIIIe siècles", "17")],
        ),
        # negatives: an arrondissement, a republic, years that are not a decade, a half
        ("Le XIXe arrondissement a voté à gauche.", []),
        ("La Ve République a été fondée en 1958.", [("1958", "1958")]),
        ("Les années de plomb ont marqué l'Italie.", []),
        ("La moitié des élus a voté contre.", []),
    ],
)
def test_decades_and_centuries(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.text, t.value) for t in extract_times(text, ANCHOR)] == expected
