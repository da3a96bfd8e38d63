"""kg_entities: cleaning, typing, linking and in-document canonicalisation on real parses."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    from kg.nlp.pipeline import load_pipeline

    return load_pipeline()


def run(nlp, text: str, doc_id: str = "doc"):
    doc = nlp.make_doc(text)
    doc._.kg_doc_id = doc_id
    return nlp(doc)


def entities(nlp, text: str) -> dict[str, tuple[str, str]]:
    """name -> (type, key) for every entity of the text."""
    return {e.name: (e.type, e.id) for e in run(nlp, text)._.kg_entities.values()}


@pytest.mark.parametrize(
    ("text", "name", "type_", "key"),
    [
        ("La réunion de l’OTAN a commencé.", "OTAN", "Organization", "Q7184"),
        ("Le Royaume-Uni et les Pays-Bas ont signé.", "Royaume-Uni", "Country", "Q145"),
        ("Le Royaume-Uni et les Pays-Bas ont signé.", "Pays-Bas", "Country", "Q55"),
        ("Des ministres se sont réunis à Bruxelles mardi.", "Bruxelles", "Place", "Q239"),
        (
            "La ministre Marie Dupont a visité Lyon.",
            "Marie Dupont",
            "Person",
            "person:marie-dupont",
        ),
    ],
)
def test_names_are_cleaned_typed_and_linked(nlp, text, name, type_, key) -> None:
    assert entities(nlp, text)[name] == (type_, key)


def test_titles_are_not_people_and_missed_names_after_titles_are_found(nlp) -> None:
    text = (
        "Le ministre estonien de la Défense, Hanno Pevkur, a rencontré jeudi le ministre "
        "du Numérique Oleksandr Bornyakov à Tallinn."
    )
    found = entities(nlp, text)
    people = {n for n, (t, _) in found.items() if t == "Person"}
    assert {"Hanno Pevkur", "Oleksandr Bornyakov"} <= people
    assert not any("ministre" in n.lower() or "défense" in n.lower() for n in people)


def test_surname_joins_full_name_within_a_document(nlp) -> None:
    text = "Le chancelier Olaf Scholz est arrivé à Paris. Scholz a ensuite rencontré la presse."
    doc = run(nlp, text)
    scholz = doc._.kg_entities["person:olaf-scholz"]
    assert scholz.name == "Olaf Scholz"
    assert "Scholz" in scholz.aliases
    assert len(scholz.mentions) == 2
    assert "person:scholz" not in doc._.kg_entities


def test_demonym_government_points_to_the_country(nlp) -> None:
    doc = run(nlp, "Le gouvernement britannique a publié un communiqué lundi.")
    mentions = [(doc[m.start : m.end].text, m.key, m.kind) for m in doc._.kg_mentions]
    assert ("gouvernement britannique", "Q145", "nominal") in mentions


def test_events_coalitions_and_agreements_with_anaphora(nlp) -> None:
    text = (
        "Une coalition maritime a été créée lors d'une réunion des ministres des Affaires "
        "étrangères de l'Union européenne. La réunion ministérielle s'est tenue à Luxembourg. "
        "La coalition compte déjà six membres. Les pays doivent signer un accord sur la "
        "surveillance des côtes. Le prochain sommet de l'Union européenne aura lieu en juin."
    )
    doc = run(nlp, text, "art-1")
    ents = doc._.kg_entities
    events = {e.name for e in ents.values() if e.type == "Event"}
    assert "réunion des ministres des Affaires étrangères de l'Union européenne" in events
    assert "prochain sommet de l'Union européenne" in events
    assert not any(name.startswith("réunion ministérielle") for name in events)
    coalition = next(e for e in ents.values() if e.type == "Organization" and "coalition" in e.name)
    assert coalition.id.endswith("@art-1"), "unnamed groups are scoped to their article"
    assert len(coalition.mentions) == 2
    agreements = [e.name for e in ents.values() if e.type == "Agreement"]
    assert agreements == ["accord sur la surveillance des côtes"]


def test_doc_ents_are_flat_named_mentions(nlp) -> None:
    doc = run(nlp, "Selon l'AFP, le président Emmanuel Macron se rendra en Allemagne.")
    labels = {(e.text, e.label_, e.kb_id_) for e in doc.ents}
    assert ("Emmanuel Macron", "PER", "person:emmanuel-macron") in labels
    assert ("Allemagne", "LOC", "Q183") in labels
    assert all(not e.text.lower().startswith(("l'", "l’", "le ")) for e in doc.ents)


def test_demonym_nouns_are_not_places(nlp) -> None:
    found = entities(nlp, "Les Britanniques et les Allemands ont voté dimanche.")
    assert not any(t == "Place" for t, _ in found.values())
