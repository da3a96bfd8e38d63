"""Doc -> Extraction: dated events and their headlines, entities kept, dateline skipped."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.model import Document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extract():
    from kg.nlp.pipeline import extract_documents, load_pipeline

    nlp = load_pipeline()

    def run(text: str, date: str = "2024-02-15"):
        doc = Document("d", text, date=dt.date.fromisoformat(date))
        return next(extract_documents([doc], nlp))

    return run


def headlines(extraction) -> dict[str, str]:
    values = {t.id: t.value for t in extraction.times}
    return {values[e.time]: e.headline for e in extraction.dated}


def test_a_clause_with_a_subject_heads_its_own_row(extract) -> None:
    x = extract(
        "Lors d'une conférence de presse en décembre, la présidente Ana Lupu a annoncé un "
        "plan de reconstruction."
    )
    assert "Ana Lupu a annoncé" in headlines(x)["2023-12"]


def test_a_date_hung_on_a_subjectless_verb_dates_the_event_before_it(extract) -> None:
    x = extract(
        "Les diplomates se réunissaient pour examiner la préparation du prochain sommet du "
        "G20 à Rio en novembre."
    )
    assert headlines(x)["2024-11"] == "prochain sommet du G20 à Rio"


def test_the_dateline_is_not_a_timeline_event(extract) -> None:
    x = extract("Oslo, 12 mars 2024 – La Norvège a signé l'accord jeudi.", date="2024-03-12")
    assert [t.text for t in x.times][:1] == ["12 mars 2024"]
    assert set(headlines(x)) == {"2024-03-07"}


def test_demonym_only_entities_are_dropped_unless_a_fact_uses_them(extract) -> None:
    x = extract("Le parlement hongrois a voté mardi; la presse lettone s'en est fait l'écho.")
    assert "Q211" not in {e.id for e in x.entities}


def test_a_demonym_is_no_mention_of_its_country(extract) -> None:
    # "les autorités roumaines" ties Romania to the fact, but "roumaines" names no place.
    x = extract("La Roumanie a fermé sa frontière. Les autorités roumaines ont arrêté un passeur.")
    romania = next(e for e in x.entities if e.wikidata == "Q218")
    assert [m.text for m in romania.mentions] == ["Roumanie"]


@pytest.mark.parametrize(
    ("text", "body", "kept"),
    [
        # a body that acts: subject, agent, object of a verb, complement of an action noun or
        # of one of its members
        ("Dans la nuit, la police a interpellé trois suspects à Brest.", "police", True),
        ("Le blessé a été évacué par les secours vers Nantes.", "secours", True),
        ("Un passant a alerté les pompiers vers midi.", "pompiers", True),
        ("Les routes ont rouvert après l'intervention des pompiers.", "pompiers", True),
        ("Dès le matin, la gendarmerie était présente devant l'usine.", "gendarmerie", True),
        ("Le porte-parole de la police a démenti toute bavure.", "police", True),
        # a body a fact is attributed to is kept: the fact names it as its source
        (
            "Selon les médias hongrois, la Hongrie devrait signer un accord avec la Serbie.",
            "médias hongrois",
            True,
        ),
        # a body only cited as a source of nothing kg reads, or a setting, is no entity
        ("Selon les autorités, la route restera fermée jusqu'à lundi.", "autorités", False),
        ("Une voiture garée devant la gendarmerie a pris feu.", "gendarmerie", False),
    ],
)
def test_an_unnamed_body_is_kept_where_it_acts(extract, text, body, kept) -> None:
    x = extract(text)
    names = {e.name for e in x.entities if e.type == "Organization"}
    assert (body in names) is kept


def test_the_bodies_kept_follow_the_lexicon_the_pipeline_was_built_with() -> None:
    """An entity lexicon passed to ``kg_entities`` (or saved with a pipeline) decides which
    unnamed bodies act, not kg's own file: without "intervention" among its action nouns,
    the firemen of "l'intervention des pompiers" take no part."""
    from kg.lang import load_data
    from kg.nlp.pipeline import extract_documents, load_pipeline

    nlp = load_pipeline()
    entities = dict(load_data("fr", "entities"))
    entities["action_nouns"] = [w for w in entities["action_nouns"] if w != "intervention"]
    nlp.get_pipe("kg_entities")._build({"entities": entities})
    text = "Les routes ont rouvert après l'intervention des pompiers."
    doc = Document("d", text, date=dt.date(2024, 2, 15))
    (x,) = extract_documents([doc], nlp)
    assert "pompiers" not in {e.name for e in x.entities if e.type == "Organization"}


# (text, mention text, kind): a name (capitals, or its lower-case repeat), a common noun
# phrase, a capitalised article opening a common noun.
MENTION_KINDS = [
    ("La police a arrêté trois suspects à Marseille mardi.", "police", "nominal"),
    ("La police a arrêté trois suspects à Marseille mardi.", "Marseille", "name"),
    ("Les pompiers de Lyon ont maîtrisé le feu dans la nuit.", "pompiers de Lyon", "nominal"),
    ("Selon Le Monde, la Banque mondiale a suspendu son aide.", "Banque mondiale", "name"),
    (
        "La Commission européenne a ouvert une enquête. Trois jours plus tard, la commission "
        "européenne a infligé une amende.",
        "commission européenne",
        "name",
    ),
]


@pytest.mark.parametrize(("text", "surface", "kind"), MENTION_KINDS)
def test_each_mention_says_whether_it_is_a_name(extract, text, surface, kind) -> None:
    x = extract(text)
    kinds = {m.text: m.kind for e in x.entities for m in e.mentions}
    assert kinds.get(surface) == kind, kinds


def test_mention_kinds_read_the_determiners_they_are_given() -> None:
    """A span no component recorded (an event place's noun phrase) is a name when a word
    after its leading determiners is capitalised; the determiners are the pipeline's words
    (passed in), so "La halle" is a common noun with French ones and a name without."""
    from kg.lang import load_data
    from kg.lang.words import Words
    from kg.model import Entity, Evidence, Mention, Relation
    from kg.nlp.extract import doc_to_extraction
    from kg.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    text = "La halle a brûlé dans la nuit."
    document = Document("d", text, date=dt.date(2024, 2, 15))
    mention = Mention(0, 8, "La halle", kind="nominal")

    def kind(words: Words) -> str:
        doc = nlp(text)
        doc._.kg_mentions = []
        # a fact keeps the unnamed place in the extraction
        fact = Relation("place:halle", "locatedIn", "Q90", "asserted", Evidence(0, 30, text))
        doc._.kg_relations, doc._.kg_events = [fact], []
        doc._.kg_entities = {
            "place:halle": Entity("place:halle", "halle", "Place", mentions=(mention,))
        }
        x = doc_to_extraction(doc, document, words=words)
        (entity,) = [e for e in x.entities if e.id == "place:halle"]
        return entity.mentions[0].kind

    french = load_data("fr", "words")
    assert kind(Words("fr", french)) == "nominal"
    assert kind(Words("fr", {**french, "name_determiners": []})) == "name"
