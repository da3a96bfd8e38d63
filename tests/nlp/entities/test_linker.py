"""kg_entities: cleaning, typing, linking and in-document canonicalisation on real parses."""

from __future__ import annotations

import pytest
from _parse import parse

from kg.ids import article_scope

pytestmark = pytest.mark.slow


def run(nlp, text: str, doc_id: str = "doc"):
    return parse(nlp, text, doc_id)


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
        # a national medium of a country's list, by its short name
        (
            "Selon le Huffington Post, la sénatrice a démissionné.",
            "HuffPost",
            "Organization",
            "organization:huffpost",
        ),
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
    assert coalition.id.endswith("@" + article_scope("art-1")), "scoped to their article"
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


def ents(nlp, text: str) -> set[tuple[str, str]]:
    return {(e.text, e.label_) for e in run(nlp, text).ents}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # organisations built on a head noun
        ("Le ministère de l'Intérieur a publié un bilan.", ("ministère de l'Intérieur", "ORG")),
        ("L'armée syrienne a repris la colline.", ("armée syrienne", "ORG")),
        ("Elle enseigne à l'université Harvard depuis mai.", ("université Harvard", "ORG")),
        ("Le quotidien allemand Bild a publié la photo.", ("Bild", "ORG")),
        # a capitalised article inside a sentence is part of the name
        ("Selon Le Monde, la réforme attendra.", ("Le Monde", "ORG")),
        # a longer name wins over the place inside it
        ("Il a prié à la Grande Mosquée de Lyon vendredi.", ("Grande Mosquée de Lyon", "ORG")),
        # a demonym noun before a person's name is not part of it
        ("L'Autrichienne Nadine Kessel a gagné la descente.", ("Nadine Kessel", "PER")),
        # a quoted name after its kind is one name, even with a known place inside it
        ("Elle dirige le collectif « Nantes respire » depuis mai.", ("Nantes respire", "ORG")),
        # a sports-club word opens an organisation, whatever type NER gave it
        ("L'attaquant a signé au Sporting Braga puis à Leeds United.", ("Sporting Braga", "ORG")),
        # ... but only as the first word: a person keeps a surname that is such a word
        ("Le ministre Paul Sénat a démissionné hier.", ("Paul Sénat", "PER")),
    ],
)
def test_doc_ents_spans(nlp, text, expected) -> None:
    assert expected in ents(nlp, text)


def test_surname_that_is_also_a_country_alias_is_the_person(nlp) -> None:
    text = "François Hollande a parlé à Lyon. Hollande a ensuite quitté la ville."
    doc = run(nlp, text)
    hollande = doc._.kg_entities["person:francois-hollande"]
    assert len(hollande.mentions) == 2
    assert not any(e.type == "Country" for e in doc._.kg_entities.values())


def test_acronym_in_parentheses_joins_its_long_form(nlp) -> None:
    text = (
        "La Société nationale de sauvetage en mer (SNSM) a secouru trois marins. "
        "La SNSM rappelle les consignes de prudence."
    )
    doc = run(nlp, text)
    snsm = [e for e in doc._.kg_entities.values() if "SNSM" in e.aliases or e.name == "SNSM"]
    assert len(snsm) == 1
    assert snsm[0].name == "Société nationale de sauvetage en mer"
    assert len(snsm[0].mentions) == 3


def test_names_do_not_run_across_lines(nlp) -> None:
    found = ents(nlp, "Composition de l'équipe :\nMarc Dubreuil\nPaul Verlaine\n")
    assert not any("\n" in text for text, _ in found)


def test_demonyms_and_common_words_alone_are_not_names(nlp) -> None:
    found = ents(nlp, "La Suissesse a gagné. État de la route : Nord bloqué, dit-il.")
    assert not {text for text, _ in found} & {"Suissesse", "État", "Nord"}


def test_a_name_after_a_title_is_a_person(nlp) -> None:
    assert ("Zelenskyy", "PER") in ents(nlp, "Lundi, le président Zelenskyy a remercié Kiev.")


# --- WiNER-informed span rules (sentences written for these tests) ---------------------------


def test_a_spaced_dash_separates_two_names(nlp) -> None:
    found = ents(nlp, "Le match Portugal - Islande se jouera samedi soir.")
    assert {("Portugal", "LOC"), ("Islande", "LOC")} <= found
    assert not any(" - " in text for text, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "Le coureur belge a gagné une étape du Tour de France mardi.",
        "Il a terminé le Rallye Dakar à la troisième place.",
        "La musheuse a remporté le Copper Basin 300 dimanche.",
    ],
)
def test_a_place_inside_an_event_name_is_not_a_place(nlp, text) -> None:
    assert not any(label == "LOC" for _, label in ents(nlp, text))


def test_the_place_of_games_is_a_place(nlp) -> None:
    found = ents(nlp, "Elle vise une médaille aux Jeux olympiques de Rio cet été.")
    assert ("Rio", "LOC") in found


def test_a_lone_surname_ner_missed_is_the_person(nlp) -> None:
    text = (
        "Le coureur Chris Froome a gagné hier. Résumé : Sagan gagne l'étape, "
        "Froome garde son maillot."
    )
    doc = run(nlp, text)
    persons = [e for e in doc.ents if e.label_ == "PER"]
    assert [e.text for e in persons].count("Froome") == 1
    keys = {e.kb_id_ for e in persons if "Froome" in e.text}
    assert len(keys) == 1


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        # web services are products, not organisations
        ("La vidéo a circulé sur YouTube et Reddit hier.", set(), {"YouTube", "Reddit"}),
        # a tournament group is not an organisation
        ("Groupe A : la Suisse affronte la Roumanie.", {("Suisse", "LOC")}, {"Groupe A"}),
        # a minister's portfolio is the ministry
        (
            "Le ministre de la Justice, Paul Kessler, a démissionné.",
            {("Justice", "ORG"), ("Paul Kessler", "PER")},
            set(),
        ),
        # a service named by its place: the place is the mention
        (
            "Les vols ont repris à l'aéroport de Bruxelles lundi.",
            {("Bruxelles", "LOC")},
            {"aéroport de Bruxelles"},
        ),
        # a demonym after a ministry tells whose ministry it is, it is not in the name
        (
            "Le ministère de l'Intérieur turc a publié un bilan.",
            {("ministère de l'Intérieur", "ORG")},
            set(),
        ),
        # Arabic article written lower case
        ("Les rebelles avancent vers al-Bab depuis lundi.", {("al-Bab", "LOC")}, set()),
    ],
)
def test_winer_span_conventions(nlp, text, expected, absent) -> None:
    found = ents(nlp, text)
    assert expected <= found
    assert not {t for t, label in found if label in {"PER", "LOC", "ORG"}} & absent


def test_the_graph_layer_keeps_companies_and_leaves_bare_portfolios_out(nlp) -> None:
    """doc.ents follows annotation conventions; the graph keeps what researchers follow."""
    doc = run(nlp, "Le ministre de la Justice a rencontré les dirigeants de Google à Paris.")
    ner = {(e.text, e.label_) for e in doc.ents}
    assert ("Justice", "ORG") in ner and ("Google", "MISC") in ner
    graph = {(e.name, e.type) for e in doc._.kg_entities.values()}
    assert ("Google", "Organization") in graph
    assert not any(name == "Justice" for name, _ in graph)


def test_first_names_are_loaded() -> None:
    from kg.nlp.entities.linker import load_first_names

    names = load_first_names("fr")
    assert {"Marie", "Jean-Pierre", "Kofi"} <= names
    assert "Milan" not in names  # a city before a first name


#: Ids that slug alike (issue 17, defect 6): each must scope its entities apart.
ALIKE_IDS = ["Article 1", "article-1", "ARTICLE_1", "article 1 ", "", " ", "@", "-", "é", "e"]


def test_article_scoped_ids_never_collide(nlp) -> None:
    text = "La coalition a tenu une réunion. La coalition compte six membres."
    keys = {}
    for doc_id in ALIKE_IDS:
        scoped = {e.id for e in run(nlp, text, doc_id)._.kg_entities.values() if "@" in e.id}
        assert scoped, f"no article-scoped entity for id {doc_id!r}"
        assert all(k.endswith("@" + article_scope(doc_id)) for k in scoped)
        keys[doc_id] = scoped
    for a in ALIKE_IDS:
        for b in ALIKE_IDS:
            assert a == b or not keys[a] & keys[b], (a, b)


@pytest.mark.parametrize(
    ("text", "name", "wikidata"),
    [
        ("Les électeurs de l'Iowa votent les premiers.", "Iowa", "Q1546"),
        ("Des orages ont frappé la Bavière dimanche.", "Bavière", "Q980"),
        ("La tempête a touché la Colombie-Britannique.", "Colombie-Britannique", "Q1973"),
        # a city of the GeoNames index gets a point, not an id it does not have
        ("Un marché a ouvert à Villeurbanne lundi.", "Villeurbanne", None),
    ],
)
def test_places_take_the_wikidata_id_of_the_subdivision_they_name(nlp, text, name, wikidata):
    found = {e.name: e for e in run(nlp, text)._.kg_entities.values()}
    assert found[name].type == "Place"
    assert found[name].wikidata == wikidata
