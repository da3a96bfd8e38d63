"""Things are not agents: diseases, particles, instruments, laws are no person/place/org."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def names(nlp, text: str) -> dict[str, str]:
    return {e.name: e.type for e in nlp(text)._.kg_entities.values()}


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("Le virus Ebola a fait des milliers de morts en Guinée.", "Ebola"),
        ("Les physiciens ont confirmé le boson de Higgs l'an dernier.", "Higgs"),
        ("Le télescope Hubble a photographié une galaxie lointaine.", "Hubble"),
        ("La loi Macron a été votée en première lecture.", "Macron"),
        ("La sonde Rosetta s'est posée sur la comète.", "Rosetta"),
        # diseases, germs and particles by kind, named alone
        ("Une épidémie de Listeria a touché trois fermes du Jura.", "Listeria"),
        ("Les cas de Salmonella se multiplient dans la région.", "Salmonella"),
        ("Les Neutrinos traversent la Terre sans interagir.", "Neutrinos"),
        # decorations and awards are things one receives, not bodies or places
        ("Le chef a reçu la Légion d'honneur des mains du président.", "Légion d'honneur"),
        ("Il a obtenu le Ballon d'or pour la troisième fois.", "Ballon d'or"),
    ],
)
def test_a_thing_is_no_entity(nlp, text, thing):
    assert thing not in names(nlp, text)


@pytest.mark.parametrize(
    ("text", "name", "type_"),
    [
        ("Emmanuel Macron a reçu le Premier ministre à l'Élysée.", "Emmanuel Macron", "Person"),
        ("Le plan de l'OTAN a été adopté à Bruxelles.", "OTAN", "Organization"),
        ("Le CERN a ouvert ses portes au public à Genève.", "Genève", "Place"),
        # the body that awards a prize stays one
        ("L'Académie Goncourt a couronné un premier roman.", "Académie Goncourt", "Organization"),
    ],
)
def test_agents_near_thing_nouns_stay(nlp, text, name, type_):
    assert names(nlp, text).get(name) == type_


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Deux bombardiers d'eau CL-415 sont restés au sol après l'incident.", "CL-415"),
        ("La compagnie attend ses premiers A320neo au printemps.", "A320neo"),
        ("Elle a remporté l'épreuve en PT2 devant deux Italiennes.", "PT2"),
        ("Les chars T-72 ont franchi la frontière à l'aube.", "T-72"),
    ],
)
def test_a_bare_designation_code_is_no_organisation(nlp, text, code):
    assert names(nlp, text).get(code) != "Organization"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Le débat sera diffusé ce soir sur TF1 et sur C8.", "TF1"),
        ("Le débat sera diffusé ce soir sur TF1 et sur C8.", "C8"),
        ("Les ministres du G20 se retrouvent à Buenos Aires.", "G20"),
        ("Un reportage de France 24 montre les dégâts.", "France 24"),
    ],
)
def test_organisations_that_go_by_a_code_stay(nlp, text, name):
    assert names(nlp, text).get(name) == "Organization"
