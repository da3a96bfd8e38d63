"""A day or month without a year that the clause points ahead to, though no verb is future.

Sentences written for kg; anchor 2024-02-15. Every date below lies a month or more before
the anchor in its nearest reading (January, early February), so only the clause can send it
to next year: something asked for, wished, planned in a que-clause or awaited is still to
come; a future the tagger read as a present is still a future. Negatives: the same words
told in the past, in the imperfect, after "depuis", or with the date before the request
(the day the request was made).
"""

from __future__ import annotations

import pytest

ANCHOR = "2024-02-15"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # a date after a request verb in the present: on the verb or on what is asked for
        ("L'opposition réclame un référendum en janvier.", "janvier", "2025-01"),
        (
            "Les riverains demandent une réunion publique le 12 janvier.",
            "le 12 janvier",
            "2025-01-12",
        ),
        ("Les syndicats appellent à la grève le 8 janvier.", "le 8 janvier", "2025-01-08"),
        ("Le collectif exige un nouveau vote en janvier.", "janvier", "2025-01"),
        ("Les éleveurs veulent une aide avant le 20 janvier.", "le 20 janvier", "2025-01-20"),
        # an infinitive under a request or commitment verb in the present
        ("Les syndicats appellent à manifester le 8 janvier.", "le 8 janvier", "2025-01-08"),
        ("Le député propose d'organiser le vote en janvier.", "janvier", "2025-01"),
        ("Le président espère conclure l'accord en janvier.", "janvier", "2025-01"),
        ("La région décide de rouvrir la ligne le 6 janvier.", "le 6 janvier", "2025-01-06"),
        # a que-clause under a request or planning verb
        ("Il faut que le texte soit adopté avant le 10 janvier.", "le 10 janvier", "2025-01-10"),
        ("Il est prévu que le chantier s'achève en janvier.", "janvier", "2025-01"),
        ("Le maire souhaite que les travaux commencent en janvier.", "janvier", "2025-01"),
        (
            "Les élus exigent que la route soit rouverte avant le 3 février.",
            "le 3 février",
            "2025-02-03",
        ),
        # awaited: the passive of a request verb
        ("Le texte est attendu au Parlement en janvier.", "janvier", "2025-01"),
        ("Le verdict est attendu le 9 janvier.", "le 9 janvier", "2025-01-09"),
        # a regular future the tagger reads as a present
        ("À partir du 1er janvier, les tarifs augmenteront de 5 %.", "1er janvier", "2025-01-01"),
        ("Les loyers baisseront en janvier.", "janvier", "2025-01"),
        # an infinitive of purpose under a present clause
        (
            "Les ministres se réunissent à Bruxelles pour adopter le texte le 10 janvier.",
            "le 10 janvier",
            "2025-01-10",
        ),
        ("Le maire se bat pour obtenir un vote en janvier.", "janvier", "2025-01"),
        # a start in a present clause
        ("À partir du 1er janvier, le tarif passe à 2 euros.", "1er janvier", "2025-01-01"),
        ("À compter du 3 janvier, les bus circulent la nuit.", "3 janvier", "2025-01-03"),
        # negatives: told in the past or the imperfect, after "depuis", or dated before
        ("Le tarif est passé à 2 euros à partir du 1er janvier.", "1er janvier", "2024-01-01"),
        ("Les bus circulent la nuit depuis janvier.", "janvier", "2024-01"),
        # a month after "à partir de" in the present is a habit: the nearest reading
        ("Le refuge ouvre ses portes à partir du mois de janvier.", "mois de janvier", "2024-01"),
        (
            "Les ministres se sont réunis pour adopter le texte le 10 janvier.",
            "le 10 janvier",
            "2024-01-10",
        ),
        (
            "Pour fêter le 1er janvier, la ville a tiré un feu d'artifice.",
            "le 1er janvier",
            "2024-01-01",
        ),
        ("Le maire a demandé un audit en janvier.", "janvier", "2024-01"),
        ("Le maire demandait un audit en janvier.", "janvier", "2024-01"),
        ("Les syndicats ont appelé à la grève le 8 janvier.", "le 8 janvier", "2024-01-08"),
        ("Il était prévu que le chantier s'achève en janvier.", "janvier", "2024-01"),
        ("Le texte a été attendu en janvier.", "janvier", "2024-01"),
        ("Il a fallu attendre le 10 janvier pour voter.", "le 10 janvier", "2024-01-10"),
        ("Les ouvriers attendent depuis le 3 janvier leur paie.", "le 3 janvier", "2024-01-03"),
        ("En janvier, l'opposition réclame un référendum.", "janvier", "2024-01"),
        ("Le 8 janvier, le ministre demande des comptes au préfet.", "Le 8 janvier", "2024-01-08"),
        ("Les loyers ont baissé en janvier.", "janvier", "2024-01"),
        # a date deeper in what is asked for dates something else: the nearest reading
        (
            "Les familles réclament justice pour les victimes de l'incendie du 3 janvier.",
            "3 janvier",
            "2024-01-03",
        ),
        (
            "Le syndicat demande l'annulation de la réforme adoptée le 10 janvier.",
            "le 10 janvier",
            "2024-01-10",
        ),
    ],
)
def test_a_clause_that_looks_ahead(times_nlp, run, text: str, span: str, value: str) -> None:
    assert {t.text: t.value for t in run(times_nlp, text, ANCHOR)}[span] == value
