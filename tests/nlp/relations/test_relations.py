"""Tests for the ``kg_relations`` component (kg/nlp/relations/component.py and its pattern modules).

Sentences are written for these tests. Mentions are given by hand (a surface -> entity
table), so the tests check the relation patterns alone, whatever the entity component does.
"""

from __future__ import annotations

import pytest
from _hand import hand_mentions

from kg.model import Relation, TimeValue
from kg.nlp.extensions import register_extensions

#: surface -> (key, type, kind). Longer surfaces nest shorter ones where they overlap.
ENTITIES: dict[str, tuple[str, str, str]] = {
    "Claire Dubois": ("person:claire-dubois", "Person", "name"),
    "Jean Martin": ("person:jean-martin", "Person", "name"),
    "Volodymyr Zelensky": ("person:zelensky", "Person", "name"),
    "Jens Stoltenberg": ("person:stoltenberg", "Person", "name"),
    "Mykhailo Fedorov": ("person:fedorov", "Person", "name"),
    "Lech Walesa": ("person:walesa", "Person", "name"),
    "Emmanuel Macron": ("person:macron", "Person", "name"),
    "Olaf Scholz": ("person:scholz", "Person", "name"),
    "Alexander De Croo": ("person:de-croo", "Person", "name"),
    "Anna Berg": ("person:anna-berg", "Person", "name"),
    "France": ("FR", "Country", "name"),
    "française": ("FR", "Country", "demonym"),
    "belge": ("BE", "Country", "demonym"),
    "Belgique": ("BE", "Country", "name"),
    "Ukraine": ("UA", "Country", "name"),
    "ukrainien": ("UA", "Country", "demonym"),
    "polonais": ("PL", "Country", "demonym"),
    "Pologne": ("PL", "Country", "name"),
    "Allemagne": ("DE", "Country", "name"),
    "Danemark": ("DK", "Country", "name"),
    "Lituanie": ("LT", "Country", "name"),
    "Finlande": ("FI", "Country", "name"),
    "Norvège": ("NO", "Country", "name"),
    "Espagne": ("ES", "Country", "name"),
    "Portugal": ("PT", "Country", "name"),
    "Autriche": ("AT", "Country", "name"),
    "Géorgie": ("GE", "Country", "name"),
    "Moldavie": ("MD", "Country", "name"),
    "Suède": ("SE", "Country", "name"),
    "suédois": ("SE", "Country", "demonym"),
    "turc": ("TR", "Country", "demonym"),
    "Canada": ("CA", "Country", "name"),
    "Japon": ("JP", "Country", "name"),
    "Italie": ("IT", "Country", "name"),
    "Grèce": ("GR", "Country", "name"),
    "Roumanie": ("RO", "Country", "name"),
    "Luxembourg": ("LU", "Country", "name"),
    "Hongrie": ("HU", "Country", "name"),
    "Estonie": ("EE", "Country", "name"),
    "OTAN": ("NATO", "Organization", "name"),
    "Union européenne": ("EU", "Organization", "name"),
    "G7": ("G7", "Organization", "name"),
    "coalition": ("org:coalition", "Organization", "nominal"),
    "coalition pour la défense aérienne": ("org:coalition", "Organization", "name"),
    "coalition des volontaires": ("org:volontaires", "Organization", "name"),
    "alliance": ("NATO", "Organization", "nominal"),
    "mission navale": ("org:mission-navale", "Organization", "name"),
    "initiative": ("org:initiative", "Organization", "nominal"),
    "programme": ("org:programme", "Organization", "nominal"),
    "accord de Paris": ("agr:paris", "Agreement", "name"),
    "accord sur les munitions": ("agr:munitions", "Agreement", "name"),
    "traité": ("agr:traite", "Agreement", "nominal"),
    "sommet de l'OTAN": ("event:sommet-otan", "Event", "name"),
    "sommet du G7": ("event:sommet-g7", "Event", "name"),
    "sommet de Madrid": ("event:sommet-madrid", "Event", "name"),
    "conférence des donateurs": ("event:conference", "Event", "name"),
    "conférence sur la guerre en Ukraine": ("event:conf-guerre", "Event", "name"),
    "réunion des ministres de la Défense de l'OTAN": ("event:reunion", "Event", "name"),
    "Vilnius": ("place:vilnius", "Place", "name"),
    "Londres": ("place:londres", "Place", "name"),
    "Paris": ("place:paris", "Place", "name"),
    "Madrid": ("place:madrid", "Place", "name"),
    "Berlin": ("place:berlin", "Place", "name"),
    "Bruxelles": ("place:bruxelles", "Place", "name"),
    "Kiev": ("place:kiev", "Place", "name"),
}


@pytest.fixture(scope="module")
def extract(fr_nlp):
    """``extract(text, times=None) -> list[Relation]`` over the raw model + hand mentions."""
    from kg.nlp.relations.component import RelationExtractor

    register_extensions()
    component = RelationExtractor(fr_nlp)

    def run(text: str, times: list[TimeValue] | None = None) -> list[Relation]:
        doc = fr_nlp(text)
        doc._.kg_mentions = hand_mentions(doc, ENTITIES)
        doc._.kg_times = times
        return component(doc)._.kg_relations

    return run


def facts(relations: list[Relation]) -> set[tuple[str, str, str, str]]:
    return {(r.subject, r.predicate, r.object, r.modality) for r in relations}


CASES = [
    # -- titles: ministerOf / headOf
    (
        "La ministre française des Armées, Claire Dubois, a inauguré une usine.",
        {("person:claire-dubois", "ministerOf", "FR", "asserted")},
    ),
    (
        "Jean Martin, ministre belge des Affaires étrangères, a fait escale à Kiev.",
        {("person:jean-martin", "ministerOf", "BE", "asserted")},
    ),
    (
        "Le président ukrainien Volodymyr Zelensky a remercié ses partenaires.",
        {("person:zelensky", "headOf", "UA", "asserted")},
    ),
    (
        "Le secrétaire général de l'OTAN, Jens Stoltenberg, a salué cette annonce.",
        {("person:stoltenberg", "headOf", "NATO", "asserted")},
    ),
    ("Le ministre du Numérique Mykhailo Fedorov a présenté un nouveau plan.", set()),
    # a former role is a fact about the past (asserted, marked "former")
    (
        "L'ancien président polonais Lech Walesa a critiqué la réforme.",
        {("person:walesa", "headOf", "PL", "asserted")},
    ),
    ("Les ministres de l'OTAN se sont retrouvés mardi.", set()),
    # -- leads
    (
        "La France et l'Allemagne sont à la tête d'une coalition pour la défense aérienne.",
        {
            ("FR", "leads", "org:coalition", "asserted"),
            ("DE", "leads", "org:coalition", "asserted"),
        },
    ),
    (
        "Le Danemark dirigera la mission navale.",
        {("DK", "leads", "org:mission-navale", "planned")},
    ),
    (
        "L'initiative menée par la Pologne et la Lituanie a été saluée par les experts.",
        {
            ("PL", "leads", "org:initiative", "asserted"),
            ("LT", "leads", "org:initiative", "asserted"),
        },
    ),
    ("La coalition des volontaires s'est retrouvée jeudi.", set()),
    # -- joins
    ("La Finlande a rejoint l'OTAN au printemps.", {("FI", "joins", "NATO", "asserted")}),
    (
        "Le Danemark refuse de rejoindre la coalition.",
        {("DK", "joins", "org:coalition", "negated")},
    ),
    ("La Norvège devrait adhérer à l'Union européenne.", {("NO", "joins", "EU", "expected")}),
    ("Le ministre a rejoint la salle de presse.", set()),
    (
        "Cinq pays, dont l'Espagne et le Portugal, devraient rejoindre l'alliance.",
        {("ES", "joins", "NATO", "expected"), ("PT", "joins", "NATO", "expected")},
    ),
    ("L'Autriche n'a jamais rejoint l'OTAN.", {("AT", "joins", "NATO", "negated")}),
    ("La Géorgie prévoit de rejoindre l'Union européenne.", {("GE", "joins", "EU", "planned")}),
    (
        "Selon la presse locale, la Moldavie a rejoint la coalition.",
        {("MD", "joins", "org:coalition", "reported")},
    ),
    (
        "La Moldavie aurait rejoint la coalition la semaine dernière.",
        {("MD", "joins", "org:coalition", "possible")},
    ),
    (
        "L'adhésion de la Suède à l'OTAN attend encore le feu vert du parlement turc.",
        {("SE", "joins", "NATO", "pending")},
    ),
    # -- pledgesTo
    ("L'Allemagne va livrer 10 000 casques à l'Ukraine.", {("DE", "pledgesTo", "UA", "planned")}),
    (
        "Le Canada a promis 2,5 milliards d'euros à l'Ukraine.",
        {("CA", "pledgesTo", "UA", "asserted")},
    ),
    (
        "La Suède enverra au moins 300 véhicules blindés à la Moldavie.",
        {("SE", "pledgesTo", "MD", "planned")},
    ),
    (
        "La Norvège a envoyé des milliers de drones à l'Ukraine.",
        {("NO", "pledgesTo", "UA", "asserted")},
    ),
    ("L'Italie ne fournira pas de missiles à l'Ukraine.", {("IT", "pledgesTo", "UA", "negated")}),
    (
        "La coalition vise à fournir un million de drones à l'Ukraine.",
        {("org:coalition", "pledgesTo", "UA", "planned")},
    ),
    (
        "Le Portugal pourrait envoyer des avions à l'Ukraine.",
        {("PT", "pledgesTo", "UA", "possible")},
    ),
    # -- signs and memberOf
    ("La Pologne n'a pas signé l'accord de Paris.", {("PL", "signs", "agr:paris", "negated")}),
    (
        "Douze alliés de l'OTAN, parmi lesquels la Grèce et la Roumanie, devraient signer un "
        "accord sur les munitions.",
        {
            ("GR", "signs", "agr:munitions", "expected"),
            ("RO", "signs", "agr:munitions", "expected"),
            ("GR", "memberOf", "NATO", "asserted"),
            ("RO", "memberOf", "NATO", "asserted"),
        },
    ),
    ("Le Luxembourg a ratifié le traité.", {("LU", "signs", "agr:traite", "asserted")}),
    (
        "La Hongrie, membre de l'Union européenne, a bloqué le texte.",
        {("HU", "memberOf", "EU", "asserted")},
    ),
    # -- events: locatedIn, launchedAt, announcedAt, participatesIn
    (
        "Le sommet de l'OTAN s'est tenu à Vilnius.",
        {("event:sommet-otan", "locatedIn", "place:vilnius", "asserted")},
    ),
    (
        "Le programme a été lancé lors d'une conférence des donateurs à Londres.",
        {
            ("org:programme", "launchedAt", "event:conference", "asserted"),
            ("event:conference", "locatedIn", "place:londres", "asserted"),
        },
    ),
    (
        "Le Canada a participé au sommet du G7.",
        {("CA", "participatesIn", "event:sommet-g7", "asserted")},
    ),
    (
        "L'initiative a été annoncée en marge du sommet de Madrid.",
        {
            ("org:initiative", "announcedAt", "event:sommet-madrid", "asserted"),
            # the summit's name gives its place
            ("event:sommet-madrid", "locatedIn", "place:madrid", "asserted"),
        },
    ),
    ("Une conférence sur la guerre en Ukraine aura lieu demain.", set()),
    # -- meetsWith
    (
        "Emmanuel Macron a rencontré Olaf Scholz à Berlin.",
        {("person:macron", "meetsWith", "person:scholz", "asserted")},
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_relations_table(extract, text, expected):
    assert facts(extract(text)) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "attributes"),
    [
        (
            "L'Allemagne va livrer 10 000 casques à l'Ukraine.",
            {"quantity": 10000, "item": "casque", "trigger": "livrer", "tense": "future"},
        ),
        (
            "Le Canada a promis 2,5 milliards d'euros à l'Ukraine.",
            {"quantity": 2500000000, "item": "euro", "tense": "past"},
        ),
        (
            "La Suède enverra au moins 300 véhicules blindés à la Moldavie.",
            {"quantity": 300, "item": "véhicule", "quantity_qualifier": "min"},
        ),
        (
            "La Norvège a envoyé des milliers de drones à l'Ukraine.",
            {"quantity_text": "des milliers", "item": "drone"},
        ),
        (
            "La coalition vise à fournir à l'Ukraine jusqu'à un million de drones.",
            {"quantity": 1000000, "item": "drone", "quantity_qualifier": "max"},
        ),
        (
            "La ministre française des Armées, Claire Dubois, a inauguré une usine.",
            {"portfolio": "Armées", "trigger": "ministre"},
        ),
        (
            "Jean Martin, ministre belge des Affaires étrangères, a fait escale à Kiev.",
            {"portfolio": "Affaires étrangères"},
        ),
    ],
)
def test_relation_attributes(extract, text, attributes):
    (relation,) = extract(text)
    assert {k: relation.attributes.get(k) for k in attributes} == attributes
    if "quantity_text" in attributes:
        assert "quantity" not in relation.attributes


@pytest.mark.slow
def test_speaker_is_source_not_hearsay(extract):
    text = (
        "Le Premier ministre belge Alexander De Croo a déclaré que la Belgique livrerait "
        "des avions à l'Ukraine."
    )
    relations = extract(text)
    assert facts(relations) == {
        ("person:de-croo", "headOf", "BE", "asserted"),
        ("BE", "pledgesTo", "UA", "planned"),
    }
    pledge = next(r for r in relations if r.predicate == "pledgesTo")
    assert pledge.attributes["source"] == "person:de-croo"


@pytest.mark.slow
def test_time_slot_and_evidence(extract):
    first = "La Finlande a rejoint l'OTAN en avril 2023."
    text = f"{first} Anna Berg a rencontré Olaf Scholz."
    start = text.index("avril 2023")
    times = [TimeValue("t1", start, start + len("avril 2023"), "avril 2023", "DATE", "2023-04")]
    relations = extract(text, times)
    joins = next(r for r in relations if r.predicate == "joins")
    meets = next(r for r in relations if r.predicate == "meetsWith")
    assert joins.time == "t1"
    assert meets.time is None
    assert (joins.evidence.start, joins.evidence.end, joins.evidence.text) == (0, len(first), first)
    assert text[meets.evidence.start : meets.evidence.end] == meets.evidence.text


@pytest.mark.slow
def test_order_is_deterministic_and_deduplicated(extract):
    text = "La Pologne et la Lituanie sont à la tête de la coalition. Le Danemark a rejoint l'OTAN."
    relations = extract(text)
    keys = [(r.evidence.start, r.subject, r.predicate, r.object) for r in relations]
    assert keys == sorted(keys)
    assert len(set(keys)) == len(keys)
    assert all(r.subject != r.object for r in relations)


def test_empty_doc_without_mentions(fr_nlp_blank):
    from kg.nlp.relations.component import RelationExtractor

    doc = fr_nlp_blank("Rien à signaler.")
    doc._.kg_mentions = []
    assert RelationExtractor(fr_nlp_blank)(doc)._.kg_relations == []


@pytest.fixture(scope="module")
def fr_nlp_blank():
    import spacy

    register_extensions()
    return spacy.blank("fr")


def test_factory_is_registered(fr_nlp_blank):
    import kg.nlp.relations.component  # noqa: F401  (registers the factory)

    meta = fr_nlp_blank.get_factory_meta("kg_relations")
    assert {"doc._.kg_mentions", "doc._.kg_entities", "doc._.kg_times"} <= set(meta.requires)
    # Parties named by an adjective add their mention and entity (relations/parties.py).
    assert meta.assigns == ["doc._.kg_relations", "doc._.kg_mentions", "doc._.kg_entities"]
    assert "lang" not in meta.default_config  # components read nlp.lang


@pytest.mark.slow
def test_end_to_end_through_pipeline():
    from kg.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    text = (
        "Le Danemark et la Suède sont à la tête d'une nouvelle coalition navale. "
        "La Finlande a rejoint l'OTAN en avril 2023."
    )
    doc = nlp(text)
    relations = doc._.kg_relations
    assert isinstance(relations, list)
    assert any(r.predicate == "joins" and r.modality == "asserted" for r in relations)
    for r in relations:
        assert text[r.evidence.start : r.evidence.end] == r.evidence.text


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Olaf Scholz a été élu chancelier de l'Allemagne.",
            {("person:scholz", "headOf", "DE", "asserted")},
        ),
        (
            "Le sommet de l'OTAN s'est déroulé dans la ville de Vilnius.",
            {("event:sommet-otan", "locatedIn", "place:vilnius", "asserted")},
        ),
    ],
)
def test_title_verbs_and_location_nouns(extract, text, expected):
    assert facts(extract(text)) == expected


@pytest.mark.slow
def test_minister_country_inference_is_opt_in(fr_nlp):
    from kg.nlp.relations.component import RelationExtractor

    register_extensions()
    text = (
        "Le ministre du Numérique Mykhailo Fedorov a visité une usine en Ukraine. "
        "L'Ukraine a reçu des drones."
    )
    default, inferring = (
        RelationExtractor(fr_nlp),
        RelationExtractor(fr_nlp, infer_minister_country=True),
    )
    doc = fr_nlp(text)
    doc._.kg_mentions = hand_mentions(doc, ENTITIES)
    assert default(doc)._.kg_relations == []
    (relation,) = inferring(doc)._.kg_relations
    assert (relation.subject, relation.predicate, relation.object) == (
        "person:fedorov",
        "ministerOf",
        "UA",
    )
    assert relation.attributes["country_inferred"] is True
    assert relation.attributes["portfolio"] == "Numérique"
