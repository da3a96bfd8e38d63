"""kg.resolve: one key per real thing across documents, with merges that need evidence."""

from __future__ import annotations

import pytest

from kg.model import DatedEvent, Entity, Evidence, Extraction, Mention, Relation
from kg.resolve import phonetic_key, resolve


def ent(key: str, name: str, type_: str = "Person", wikidata: str | None = None, *aliases):
    return Entity(key, name, type_, wikidata, tuple(aliases), (Mention(0, len(name), name),))


def doc(id_: str, *entities: Entity, relations: tuple[Relation, ...] = ()) -> Extraction:
    return Extraction(id_, "fr", None, entities=entities, relations=relations)


UKRAINE = ent("Q212", "Ukraine", "Country", "Q212")
GERMANY = ent("Q183", "Allemagne", "Country", "Q183")
CHILE = ent("Q298", "Chili", "Country", "Q298")


def ids(extractions: list[Extraction]) -> dict[tuple[str, str], str]:
    """(document, original name or alias) -> resolved id."""
    out = {}
    for x in extractions:
        for e in x.entities:
            for name in (e.name, *e.aliases):
                out[(x.id, name)] = e.id
    return out


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zelensky", "Zelenskyy"),
        ("Zelensky", "Zelenski"),
        ("Zelenskiy", "Zelenskyy"),
        ("Fedorov", "Fiodorov"),
        ("Fedorov", "Fyodorov"),
    ],
)
def test_transliterations_share_a_phonetic_key(a, b) -> None:
    assert phonetic_key(a) == phonetic_key(b)


@pytest.mark.parametrize(("a", "b"), [("Scholz", "Schulz"), ("Martin", "Marton"), ("Kim", "Kin")])
def test_different_surnames_keep_different_keys(a, b) -> None:
    assert phonetic_key(a) != phonetic_key(b)


def test_transliteration_variants_of_a_full_name_merge() -> None:
    out = resolve(
        [
            doc("a", ent("person:volodymyr-zelensky", "Volodymyr Zelensky"), UKRAINE),
            doc("b", ent("person:volodymyr-zelenskyy", "Volodymyr Zelenskyy")),
            doc("c", ent("person:mykhailo-fedorov", "Mykhaïlo Fedorov")),
            doc("d", ent("person:mykhailo-fiodorov", "Mykhaïlo Fiodorov")),
        ]
    )
    found = ids(out)
    assert found[("a", "Volodymyr Zelensky")] == found[("b", "Volodymyr Zelensky")]
    assert "Volodymyr Zelenskyy" in next(e for e in out[1].entities).aliases
    assert found[("c", "Mykhaïlo Fedorov")] == found[("d", "Mykhaïlo Fedorov")]


def test_surname_alone_joins_the_only_full_name_when_context_agrees() -> None:
    out = resolve(
        [
            doc("a", ent("person:volodymyr-zelensky", "Volodymyr Zelensky"), UKRAINE),
            doc("b", ent("person:zelenskyy", "Zelenskyy"), UKRAINE),
        ]
    )
    b = out[1].entities
    zelensky = next(e for e in b if e.type == "Person")
    assert zelensky.id == "person:volodymyr-zelensky"
    assert zelensky.name == "Volodymyr Zelensky"
    assert "Zelenskyy" in zelensky.aliases


def test_surname_alone_without_shared_context_stays_apart() -> None:
    out = resolve(
        [
            doc("a", ent("person:olaf-scholz", "Olaf Scholz"), GERMANY),
            doc("b", ent("person:scholz", "Scholz"), CHILE),
        ]
    )
    assert ids(out)[("b", "Scholz")] == "person:scholz"


def test_ambiguous_surname_stays_apart() -> None:
    out = resolve(
        [
            doc("a", ent("person:jean-martin", "Jean Martin"), GERMANY),
            doc("b", ent("person:paul-martin", "Paul Martin"), GERMANY),
            doc("c", ent("person:martin", "Martin"), GERMANY),
        ]
    )
    found = ids(out)
    assert found[("c", "Martin")] == "person:martin"
    assert found[("a", "Jean Martin")] != found[("b", "Paul Martin")]


def test_initial_merges_only_with_evidence() -> None:
    out = resolve(
        [
            doc("a", ent("person:nicolas-sarkozy", "Nicolas Sarkozy"), GERMANY),
            doc("b", ent("person:n-sarkozy", "N. Sarkozy"), GERMANY),
            doc("c", ent("person:n-dupont", "N. Dupont"), CHILE),
            doc("d", ent("person:nadia-dupont", "Nadia Dupont"), UKRAINE),
        ]
    )
    found = ids(out)
    assert found[("b", "N. Sarkozy")] == "person:nicolas-sarkozy"
    assert found[("c", "N. Dupont")] == "person:n-dupont"


def test_people_with_wikidata_ids_never_merge_with_each_other() -> None:
    out = resolve(
        [
            doc("a", ent("Q1", "George Bush", "Person", "Q1")),
            doc("b", ent("Q2", "George Bush", "Person", "Q2")),
        ]
    )
    assert [e.id for x in out for e in x.entities] == ["Q1", "Q2"]


def test_acronym_joins_its_long_form() -> None:
    long_form = ent(
        "organization:national-oceanic-and-atmospheric-administration",
        "National Oceanic and Atmospheric Administration",
        "Organization",
        None,
        "NOAA",
    )
    omm = ent(
        "organization:organisation-meteorologique-mondiale",
        "Organisation météorologique mondiale",
        "Organization",
    )
    out = resolve(
        [
            doc("a", long_form, omm),
            doc("b", ent("organization:noaa", "NOAA", "Organization")),
            doc("c", ent("organization:omm", "OMM", "Organization")),
            doc("d", ent("place:omm", "OMM", "Place")),
        ]
    )
    found = ids(out)
    assert found[("b", "National Oceanic and Atmospheric Administration")] == long_form.id
    assert found[("c", "Organisation météorologique mondiale")] == omm.id
    assert found[("d", "OMM")] == "place:omm", "an acronym only joins a long form of its type"


def test_relations_events_and_same_document_duplicates_are_rewritten() -> None:
    ev = Evidence(0, 10, "phrase")
    rel = Relation("person:zelenskyy", "headOf", "Q212", "asserted", ev)
    b = Extraction(
        "b",
        "fr",
        None,
        entities=(
            ent("person:volodymyr-zelenskyy", "Volodymyr Zelenskyy"),
            ent("person:zelenskyy", "Zelenskyy"),
            UKRAINE,
        ),
        relations=(rel,),
        dated=(DatedEvent("t1", "headline", ev, ("person:zelenskyy", "Q212")),),
    )
    a = doc("a", ent("person:volodymyr-zelensky", "Volodymyr Zelensky"), UKRAINE)
    out = resolve([a, b])
    people = [e for e in out[1].entities if e.type == "Person"]
    assert len(people) == 1
    assert out[1].relations[0].subject == people[0].id
    assert people[0].id in out[1].dated[0].entities
    assert len(people[0].mentions) == 2


def test_deterministic_and_order_preserving() -> None:
    corpus = [
        doc("b", ent("person:zelenskyy", "Zelenskyy"), UKRAINE),
        doc("a", ent("person:volodymyr-zelensky", "Volodymyr Zelensky"), UKRAINE),
    ]
    first, second = resolve(corpus), resolve(list(reversed(corpus)))
    assert [x.id for x in first] == ["b", "a"]
    assert {x.id: x for x in first} == {x.id: x for x in second}


def test_unrelated_corpus_is_unchanged() -> None:
    corpus = [doc("a", UKRAINE, ent("person:ada-lovelace", "Ada Lovelace"))]
    assert resolve(corpus) == corpus


@pytest.mark.slow
def test_resolve_on_built_extractions() -> None:
    import kg

    texts = [
        "Le président ukrainien Volodymyr Zelensky a rencontré le chancelier Olaf Scholz "
        "à Kiev. L'Ukraine attend des armes de l'Allemagne.",
        "Lundi, le président Zelenskyy a remercié l'Allemagne pour son aide à l'Ukraine.",
        "Au Chili, le footballeur Scholz a marqué deux buts.",
    ]
    out = resolve(kg.extract(texts, date="2024-02-15"))
    found = ids(out)
    assert found[("text-2", "Volodymyr Zelensky")] == found[("text-1", "Volodymyr Zelensky")]
    assert found.get(("text-3", "Scholz")) != found[("text-1", "Olaf Scholz")]


# -- near-collisions: the same short institution name in different articles ---------------
_NEAR = [
    "À Rome, le Conseil a adopté mardi le budget de l'année prochaine.",
    "À Istanbul, le Conseil national syrien a dénoncé les bombardements. "
    "Le Conseil réclame une zone d'exclusion aérienne.",
    "Le Conseil national syrien a élu un nouveau président à Doha.",
    "La Poste italienne a supprimé deux mille emplois.",
    "En Belgique, la Poste a relevé le prix du timbre.",
    "À Caracas, l'Assemblée nationale a rejeté le budget présenté par le gouvernement.",
    "À Paris, l'Assemblée nationale a adopté la réforme en première lecture.",
    "Au Québec, l'Assemblée nationale a voté une motion sur la langue française.",
    "À Lima, le ministère de la Justice a ouvert une enquête sur l'ancien président.",
    "À Bruxelles, le ministre de la Justice a annoncé la construction d'une prison.",
]


@pytest.fixture(scope="module")
def near():
    from kg.api import extract

    out = resolve(extract(_NEAR, progress=False))
    return [{e.name: e.id for e in x.entities} for x in out]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "name"),
    [
        (0, 1, "Conseil"),
        (3, 4, "Poste"),
        (5, 6, "Assemblée"),
        (5, 7, "Assemblée"),
        (6, 7, "Assemblée"),
        (8, 9, "ministère de la Justice"),
    ],
)
def test_same_short_name_in_two_articles_stays_apart(near, a, b, name):
    ids_a = {i for n, i in near[a].items() if n == name or n.startswith(name + " ")}
    ids_b = {i for n, i in near[b].items() if n == name or n.startswith(name + " ")}
    assert ids_a and ids_b
    assert not ids_a & ids_b


@pytest.mark.slow
def test_full_names_agree_across_articles(near):
    assert near[1]["Conseil national syrien"] == near[2]["Conseil national syrien"]


@pytest.mark.slow
def test_a_shared_name_keeps_its_link_in_its_own_country(near):
    assert near[6]["Assemblée nationale"] == "Q193582"


@pytest.mark.slow
def test_a_short_name_joins_the_one_fuller_name_of_its_article(near):
    assert "Conseil" not in near[1]  # "le Conseil" is the Syrian National Council there
