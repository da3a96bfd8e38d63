"""Which year a day or month without one belongs to, when the clause is not a plain tense.

Sentences written for kg; anchor 2024-02-15 (a Thursday). A commitment told in the past
("a promis de …") points after the promise, so the nearest reading around the document date
is taken; a conditional the tagger reads as an imperfect still points ahead; a bare past
participle under a future clause tells of something done, not of what will be.
"""

from __future__ import annotations

import pytest

ANCHOR = "2024-02-15"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # an infinitive governed by a commitment told in the past
        ("La ministre a promis de publier le décret avant le 30 juin.", "le 30 juin", "2024-06-30"),
        ("Les routiers ont menacé de bloquer les dépôts le 3 avril.", "le 3 avril", "2024-04-03"),
        ("La commune a décidé de rouvrir la patinoire en juin.", "juin", "2024-06"),
        ("L'éditeur s'est engagé à payer d'ici le 10 mars.", "le 10 mars", "2024-03-10"),
        ("Le sénateur a affirmé vouloir quitter son siège fin mars.", "fin mars", "2024-03"),
        ("Le syndicat s'est déclaré prêt à signer le 2 mars.", "le 2 mars", "2024-03-02"),
        ("Les syndicats ont appelé à défiler le 3 avril.", "le 3 avril", "2024-04-03"),
        ("Le préfet a invité les maires à se réunir le 10 mars.", "le 10 mars", "2024-03-10"),
        # ... whose nearest reading is behind the document date
        ("La préfecture a décidé de fermer le pont le 3 février.", "le 3 février", "2024-02-03"),
        # a conditional in reported speech is a future in the past
        ("Le président a assuré qu'il se rendrait à Dakar le 20 mars.", "le 20 mars", "2024-03-20"),
        # a bare past participle under a future verb
        ("Le budget, présenté en novembre, sera voté au printemps.", "novembre", "2023-11"),
        # a preposition says the way whatever the parse ("d'ici" ahead, "depuis" back)
        ("D'ici lundi, le dossier sera bouclé.", "lundi", "2024-02-19"),
        ("D'ici au 10 mars, les listes seront closes.", "10 mars", "2024-03-10"),
        ("Depuis lundi, les écoles sont fermées.", "lundi", "2024-02-12"),
        # negatives: what was done, or a plan already due, stays in the past
        ("La ministre a publié le décret le 30 janvier.", "le 30 janvier", "2024-01-30"),
        ("Les routiers ont bloqué les dépôts le 3 avril.", "le 3 avril", "2023-04-03"),
        ("L'entreprise avait promis de livrer les rames en septembre.", "septembre", "2023-09"),
        ("Le ministre était censé signer le 3 mars.", "le 3 mars", "2023-03-03"),
        ("Le président a assuré qu'il se rendait à Dakar le 20 mars.", "le 20 mars", "2023-03-20"),
        ("Le sommet prévu en mars sera décisif.", "mars", "2024-03"),
        ("Les hausses décidées en mai ont été appliquées.", "mai", "2023-05"),
        # a plan told in a past clause may have been due already: the nearest reading
        ("Le scrutin, d'abord prévu en janvier, a été repoussé.", "janvier", "2024-01"),
        ("Le gala, programmé le 2 février, a été annulé.", "le 2 février", "2024-02-02"),
        ("La foire, prévue en mars, a été annoncée hier.", "mars", "2024-03"),
        # ... but a plan told in the present or with its own auxiliary is ahead
        ("Le scrutin est prévu en janvier.", "janvier", "2025-01"),
        ("Le juge a ajourné le procès et fixé l'audience au 9 janvier.", "9 janvier", "2025-01-09"),
    ],
)
def test_direction_of_a_date_without_a_year(times_nlp, run, text: str, span: str, value: str):
    assert {t.text: t.value for t in run(times_nlp, text, ANCHOR)}[span] == value


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "cette nuit" told in the past is the night that ended on the document date
        ("Cette nuit, un séisme a secoué l'île.", "2024-02-14TNI"),
        # negatives: told ahead, or another part of the day
        ("Cette nuit, la neige tombera.", "2024-02-15TNI"),
        ("Ce soir, le match a été diffusé.", "2024-02-15TEV"),
    ],
)
def test_this_night(times_nlp, run, text: str, value: str) -> None:
    assert [t.value for t in run(times_nlp, text, ANCHOR)] == [value]
