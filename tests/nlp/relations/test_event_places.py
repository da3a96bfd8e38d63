"""Where an event happens, read off its name, its host and its venue
(kg/nlp/relations/places.py, event_sites.py and the ``event_place_names`` /
``event_hosts`` / locative ``verb_frames`` of relations.json), one table per construction,
each with negative cases.

The sentences are written for these tests; mentions are given by hand (surface -> entity), so
the tables check the rules alone. Event mentions are classed by the event lexicon
(events.json), as in a real build.
"""

from __future__ import annotations

import pytest
from _hand import case_ids, sentence_extractor
from _hand import facts_of as facts

pytestmark = pytest.mark.slow

ENTITIES: dict[str, tuple[str, str, str]] = {
    "festival du film de Nantes": ("event:festival", "Event", "nominal"),
    "festival": ("event:festival", "Event", "nominal"),
    "Nantes": ("place:nantes", "Place", "name"),
    "Loire-Atlantique": ("place:loire", "Place", "name"),
    "Lyon": ("place:lyon", "Place", "name"),
    "Oslo": ("place:oslo", "Place", "name"),
    "Turin": ("place:turin", "Place", "name"),
    "Jeux olympiques d'hiver de Turin": ("event:jeux", "Event", "nominal"),
    "Jeux olympiques": ("event:jeux", "Event", "nominal"),
    "congrès des maires et des élus régionaux de Lyon": ("event:congres", "Event", "nominal"),
    "congrès": ("event:congres", "Event", "nominal"),
    "sommet de la Norvège": ("event:sommet-no", "Event", "nominal"),
    "sommet": ("event:sommet", "Event", "nominal"),
    "rencontre": ("event:rencontre", "Event", "nominal"),
    "Norvège": ("NO", "Country", "name"),
    "Suède": ("SE", "Country", "name"),
    "université de Lyon": ("org:univ-lyon", "Organization", "name"),
    "ONU": ("UN", "Organization", "name"),
    "élection présidentielle française": ("event:presidentielle", "Event", "nominal"),
    "élection présidentielle": ("event:presidentielle", "Event", "nominal"),
    "française": ("FR", "Country", "demonym"),
    "frappes américaines": ("event:frappes", "Event", "nominal"),
    "américaines": ("US", "Country", "demonym"),
    "Congrès de Lyon": ("event:congres-lyon", "Event", "nominal"),
    "Paul Girard": ("person:girard", "Person", "name"),
    "explosion": ("event:explosion", "Event", "nominal"),
    "incendie": ("event:incendie", "Event", "nominal"),
    "inondations": ("event:inondations", "Event", "nominal"),
    "grève": ("event:greve", "Event", "nominal"),
    "Italie": ("IT", "Country", "name"),
    "fusillade": ("event:fusillade", "Event", "nominal"),
    "conférence": ("event:conference", "Event", "nominal"),
    "Somalie": ("SO", "Country", "name"),
    "match": ("event:match", "Event", "nominal"),
    "championnat d'Europe": ("event:euro", "Event", "nominal"),
    "Europe": ("place:europe", "Place", "name"),
    "Mogadiscio": ("place:mogadiscio", "Place", "name"),
    "guerre": ("event:guerre", "Event", "nominal"),
}

LOCATED = {"locatedIn"}
PARTICIPATES = {"participatesIn"}


@pytest.fixture(scope="module")
def extract():
    """``extract(text) -> list[Relation]`` over the model (with kg's sentences) + hand mentions."""
    return sentence_extractor(ENTITIES)


#: "le festival du film de Nantes": a named place in the event's own "de" complements is
#: where it happens, also across a coordination; a country there takes part (not here),
#: a place inside an organisation's name is the organisation's, and an event word in the
#: genitive of a site noun names the building.
NAMED_PLACES = [
    (
        "Le festival du film de Nantes a attiré des milliers de spectateurs.",
        {("event:festival", "locatedIn", "place:nantes")},
    ),
    (
        "Les Jeux olympiques d'hiver de Turin ont coûté une fortune.",
        {("event:jeux", "locatedIn", "place:turin")},
    ),
    (
        "Le congrès des maires et des élus régionaux de Lyon a voté une motion.",
        {("event:congres", "locatedIn", "place:lyon")},
    ),
    # the genitive right after an event mention the entity finder cut short
    ("Le congrès de Lyon a fermé ses portes.", {("event:congres", "locatedIn", "place:lyon")}),
    ("Le sommet de la Norvège a été reporté.", set()),
    # the university's own place only (kg/nlp/relations/settings.py), not the congress's
    (
        "Les étudiants du congrès de l'université de Lyon ont manifesté.",
        {("org:univ-lyon", "locatedIn", "place:lyon")},
    ),
    ("Des drapeaux flottent devant le palais du Congrès de Lyon.", set()),
]


@pytest.mark.parametrize(("text", "expected"), NAMED_PLACES, ids=case_ids(NAMED_PLACES))
def test_named_places(extract, text, expected):
    assert facts(extract(text), LOCATED) == expected


#: A national adjective on an election is its country; on other events it is the actor.
NATIONAL_ADJECTIVES = [
    (
        "Paul Girard a voté au premier tour de l'élection présidentielle française.",
        {("event:presidentielle", "locatedIn", "FR")},
    ),
    ("Les frappes américaines ont repris à l'aube.", set()),
]


@pytest.mark.parametrize(
    ("text", "expected"), NATIONAL_ADJECTIVES, ids=case_ids(NATIONAL_ADJECTIVES)
)
def test_national_adjectives(extract, text, expected):
    assert facts(extract(text), LOCATED) == expected


#: "Oslo accueillera le sommet": a named place or country that hosts an event; a welcome
#: ("a accueilli favorablement") or a passive is no hosting.
HOSTS = [
    ("Oslo accueillera le sommet en juin.", {("event:sommet", "locatedIn", "place:oslo")}),
    ("La Suède abrite cette année le festival.", {("event:festival", "locatedIn", "SE")}),
    (
        "La Suède héberge la deuxième édition du festival du film de Nantes.",
        {
            ("event:festival", "locatedIn", "SE"),
            ("event:festival", "locatedIn", "place:nantes"),
        },
    ),
    # "la ville de X": a noun of a kind of place stands for the place it names
    (
        "La ville d'Oslo accueillera le sommet en juin.",
        {("event:sommet", "locatedIn", "place:oslo")},
    ),
    ("Le maire d'Oslo accueillera le sommet en juin.", set()),
    ("La ville de Turin a accueilli favorablement le festival.", set()),
    ("La Suède a accueilli favorablement l'élection présidentielle.", set()),
    ("La Norvège a accueilli avec prudence le sommet.", set()),
    ("Le sommet a été accueilli froidement par la Suède.", set()),
]


@pytest.mark.parametrize(("text", "expected"), HOSTS, ids=case_ids(HOSTS))
def test_hosts(extract, text, expected):
    assert facts(extract(text), LOCATED) == expected


#: "La 3e édition du festival débute à Nantes": a part noun as the subject of a verb of
#: taking place stands for its event; a second locative narrowing the first situates the
#: first place, not a second venue; a site organisation is a venue, a body is not.
VENUES = [
    (
        "La troisième édition du festival débute lundi à Nantes.",
        {("event:festival", "locatedIn", "place:nantes")},
    ),
    (
        "Le festival débute lundi à Nantes dans la Loire-Atlantique.",
        {
            ("event:festival", "locatedIn", "place:nantes"),
            ("place:nantes", "locatedIn", "place:loire"),
        },
    ),
    (
        "La rencontre se tiendra à Oslo et à Turin.",
        {
            ("event:rencontre", "locatedIn", "place:oslo"),
            ("event:rencontre", "locatedIn", "place:turin"),
        },
    ),
    (
        "La rencontre se tiendra à l'université de Lyon.",
        {
            ("event:rencontre", "locatedIn", "org:univ-lyon"),
            ("org:univ-lyon", "locatedIn", "place:lyon"),
        },
    ),
    ("La rencontre s'est tenue à l'ONU.", set()),
]


@pytest.mark.parametrize(("text", "expected"), VENUES, ids=case_ids(VENUES))
def test_venues(extract, text, expected):
    assert facts(extract(text), LOCATED) == expected


#: "X est candidat à l'élection": the tagger may read the predicative noun as a verb
#: carrying the copula; the noun frame still reads it. A verb of the same form is no noun.
COPULAR_NOUNS = [
    (
        "Paul Girard est candidat à l'élection présidentielle.",
        {("person:girard", "participatesIn", "event:presidentielle")},
    ),
    ("Paul Girard a pensé à l'élection présidentielle.", set()),
]


@pytest.mark.parametrize(("text", "expected"), COPULAR_NOUNS, ids=case_ids(COPULAR_NOUNS))
def test_copular_nouns(extract, text, expected):
    assert facts(extract(text), PARTICIPATES) == expected


#: "Une explosion a fait dix morts à Oslo", "l'incendie survenu à Turin": a verb or a
#: participle of occurrence with an event subject places it; a destination ("a envoyé
#: des observateurs en Italie") or a place inside an object ("a réclamé une trêve en
#: Italie") does not.
OCCURRENCES = [
    (
        "Une explosion a fait dix morts lundi à Oslo.",
        {("event:explosion", "locatedIn", "place:oslo")},
    ),
    (
        "L'incendie, qui a éclaté dans la nuit à Turin, est maîtrisé.",
        {("event:incendie", "locatedIn", "place:turin")},
    ),
    (
        "L'incendie survenu à Turin a détruit un entrepôt.",
        {("event:incendie", "locatedIn", "place:turin")},
    ),
    (
        "Les inondations ont ravagé l'Italie cet automne.",
        {("event:inondations", "locatedIn", "IT")},
    ),
    ("Le sommet a envoyé des observateurs en Italie.", set()),
    ("La grève a réclamé une trêve en Italie.", set()),
]


@pytest.mark.parametrize(("text", "expected"), OCCURRENCES, ids=case_ids(OCCURRENCES))
def test_occurrences(extract, text, expected):
    assert facts(extract(text), LOCATED) == expected


#: "une fusillade au cours de laquelle … à X": a relative clause about an event places it
#: (its verb's locatives, or those of its obliques); not when the verb has an object the
#: place may belong to ("où le ministre a évoqué la crise en Somalie").
RELATIVE_CLAUSES = [
    (
        "Une fusillade, au cours de laquelle quatre policiers ont été blessés à proximité "
        "d'un marché au sud de la Somalie, a choqué le pays.",
        {("event:fusillade", "locatedIn", "SO")},
    ),
    (
        "C'est la fusillade où deux passants ont trouvé la mort à Turin.",
        {("event:fusillade", "locatedIn", "place:turin")},
    ),
    ("La conférence où le ministre a évoqué la crise en Somalie a duré une heure.", set()),
    ("La conférence, dont le ministre est rentré à Turin, a duré une heure.", set()),
]


@pytest.mark.parametrize(("text", "expected"), RELATIVE_CLAUSES, ids=case_ids(RELATIVE_CLAUSES))
def test_relative_clauses(extract, text, expected):
    assert facts(extract(text), LOCATED) == expected


#: "l'incendie d'un entrepôt à Lyon": the event's own "de" complement may stand between it
#: and its place; a "sur" complement may not ("une conférence sur la guerre en Somalie").
#: A staging participle places the event ("le match disputé à Turin").
COMPLEMENTS = [
    (
        "L'incendie d'un entrepôt à Lyon a mobilisé cent pompiers.",
        {("event:incendie", "locatedIn", "place:lyon")},
    ),
    (
        "Le match disputé samedi à Turin a été interrompu.",
        {("event:match", "locatedIn", "place:turin")},
    ),
    (
        "La conférence sur la guerre en Somalie a été reportée.",
        {("event:guerre", "locatedIn", "SO")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), COMPLEMENTS, ids=case_ids(COMPLEMENTS))
def test_complements(extract, text, expected):
    assert facts(extract(text), LOCATED) == expected


#: "au sud de Mogadiscio" is outside the city, "dans le sud de la Somalie" / "au sud de
#: la Somalie" inside the country; a continent in a contest's name is its scope.
OUTSIDE = [
    ("L'explosion a eu lieu lundi au sud de Mogadiscio.", set()),
    (
        "L'explosion a eu lieu lundi dans le sud de Mogadiscio.",
        {("event:explosion", "locatedIn", "place:mogadiscio")},
    ),
    (
        "L'explosion a eu lieu lundi au sud de la Somalie.",
        {("event:explosion", "locatedIn", "SO")},
    ),
    ("Paul Girard a gagné le championnat d'Europe.", set()),
]


@pytest.mark.parametrize(("text", "expected"), OUTSIDE, ids=case_ids(OUTSIDE))
def test_outside_and_scope(extract, text, expected):
    assert facts(extract(text), LOCATED) == expected


#: "Le sommet a été organisé en Suède", "X disputera le match à Turin": an event that is the
#: object (or the passive subject) of a verb of staging happens where its locative says;
#: the agent of the passive or a beneficiary is no place.
STAGED = [
    ("Le sommet a été organisé en Suède.", {("event:sommet", "locatedIn", "SE")}),
    ("Le match sera disputé dimanche à Turin.", {("event:match", "locatedIn", "place:turin")}),
    ("La Norvège organisera le festival à Oslo.", {("event:festival", "locatedIn", "place:oslo")}),
    ("Le sommet a été organisé par la Suède.", set()),
    ("Le festival a été organisé pour les écoliers de Lyon.", set()),
]


@pytest.mark.parametrize(("text", "expected"), STAGED, ids=case_ids(STAGED))
def test_staged_events(extract, text, expected):
    assert facts(extract(text), LOCATED) == expected


#: "L'explosion a secoué X", "les inondations ont frappé le nord de X": a place an event
#: strikes (its direct object, or the place of a location noun there) is where it happens;
#: people or things of a place are not the place.
STRUCK = [
    (
        "L'explosion a secoué Mogadiscio dans la nuit.",
        {("event:explosion", "locatedIn", "place:mogadiscio")},
    ),
    ("Les inondations ont frappé le nord de l'Italie.", {("event:inondations", "locatedIn", "IT")}),
    ("La grève a paralysé Lyon lundi.", {("event:greve", "locatedIn", "place:lyon")}),
    ("L'explosion a blessé les habitants de Mogadiscio.", set()),
    ("La grève a touché les écoles de Lyon.", set()),
]


@pytest.mark.parametrize(("text", "expected"), STRUCK, ids=case_ids(STRUCK))
def test_struck_places(extract, text, expected):
    assert facts(extract(text), LOCATED) == expected
