"""A visit is a consultation (PLOVER CONSULT) when paid to someone or somewhere named, or
to no one said; a visit to people or a site no name gives is a private or working visit,
no consultation between parties. Sentences written for these tests, run through the real
model.
"""

from __future__ import annotations

import pytest

from ._extract import classes


@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("Le président Emmanuel Macron a rendu visite au chancelier Olaf Scholz à Berlin.", True),
        ("Le chef de l'État Joe Biden a rendu visite à Kiev mardi.", True),
        ("La chancelière Angela Merkel a rendu visite à son homologue italien Mario Draghi.", True),
        ("Le président Lula a rendu visite à son homologue argentin.", True),
        ("Le Premier ministre indien Narendra Modi est en visite officielle au Japon.", True),
        ("Le président Joe Biden a reçu la visite de la présidente Ursula von der Leyen.", True),
        # people or a site without a name: no consultation
        ("Léo Garnier a rendu visite à sa grand-mère dans un village du Gers.", False),
        ("La ministre Claire Dubois a fait une visite à l'entrepôt logistique de Figeac.", False),
        ("Le maire Jean Roux a rendu visite aux sinistrés du quartier de Bastide.", False),
    ],
)
def test_a_visit_is_a_consultation_when_paid_to_a_name(text: str, told: bool) -> None:
    assert ("CONSULT" in classes(text)) is told
