"""Tests for the bundled gazetteer (kg.lang.gazetteer) and the kg_gazetteer spaCy component."""

from __future__ import annotations

import itertools
import json
import re
from collections import defaultdict
from importlib import resources

import pytest

from kg.errors import ModelError
from kg.ids import entity_key
from kg.lang.gazetteer import GAZETTEER_FILES, GazetteerEntry, load_gazetteer, name_fold

QID = re.compile(r"^Q[1-9][0-9]*$")


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer("fr")


# --- data integrity -------------------------------------------------------------------------


def test_counts(gaz):
    # 193 UN member states + Palestine, Vatican, Kosovo, Taiwan.
    assert len(gaz.by_type("Country")) >= 197
    assert len(gaz.by_type("Organization")) >= 40
    assert len(gaz.by_type("Place")) >= 300


def test_keys_and_wikidata_ids_unique_and_well_formed(gaz):
    keys = [e.key for e in gaz.entries]
    assert len(keys) == len(set(keys))
    qids = [e.wikidata for e in gaz.entries if e.wikidata]
    assert len(qids) == len(set(qids))
    assert all(QID.match(q) for q in qids)
    for e in gaz.entries:
        assert e.key == entity_key(e.type, e.name, e.wikidata)


def test_every_country_has_a_wikidata_id(gaz):
    assert [e.name for e in gaz.by_type("Country") if not e.wikidata] == []


@pytest.mark.parametrize("filename", GAZETTEER_FILES)
def test_data_files_are_sorted_one_record_per_line(filename):
    text = (resources.files("kg") / "lang" / "fr" / f"{filename}.json").read_text(encoding="utf-8")
    records = json.loads(text)
    assert [r["key"] for r in records] == sorted(r["key"] for r in records)
    assert len(text.splitlines()) == len(records) + 2  # "[" and "]"


def test_stored_keys_match_minted_keys():
    for filename in GAZETTEER_FILES:
        path = resources.files("kg") / "lang" / "fr" / f"{filename}.json"
        for r in json.loads(path.read_text(encoding="utf-8")):
            assert r["key"] == entity_key(r["type"], r["name"], r["wikidata"]), r


def test_references_resolve(gaz):
    for e in gaz.entries:
        if e.country is not None:
            assert gaz.get(e.country).type == "Country", e
        if e.capital is not None:
            capital = gaz.get(e.capital)
            assert capital.type == "Place" and capital.country == e.key, e


def test_no_surface_form_names_two_entries(gaz):
    owners = defaultdict(set)
    for e in gaz.entries:
        for name in e.names:
            owners[name_fold(name)].add(e.key)
    assert {f: k for f, k in owners.items() if len(k) > 1} == {}


def test_every_demonym_resolves_back_to_its_country(gaz):
    countries_with_demonyms = [e for e in gaz.by_type("Country") if e.demonyms]
    assert len(countries_with_demonyms) >= 190
    for e in countries_with_demonyms:
        assert len(e.demonyms) >= 2, e
        for form in e.demonyms:
            assert gaz.lookup_demonym(form) is e, form
            assert gaz.lookup_demonym(form.capitalize()) is e, form


# --- lookups --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("l’OTAN", "Q7184"),
        ("l'OTAN", "Q7184"),
        ("l'Otan", "Q7184"),
        ("Organisation du traité de l’Atlantique nord", "Q7184"),
        ("l’Alliance atlantique", "Q7184"),
        ("NATO", "Q7184"),
        ("Etats-Unis", "Q30"),
        ("les États-Unis", "Q30"),
        ("USA", "Q30"),
        ("Grande-Bretagne", "Q145"),
        ("royaume uni", "Q145"),
        ("la Lettonie", "Q211"),
        ("Fédération de Russie", "Q159"),
        ("Corée du Sud", "Q884"),
        ("Kyïv", "Q1899"),
        ("Kiev", "Q1899"),
        ("Panama", "Q804"),  # the country wins over its capital
        ("Saint-Siège", "Q237"),
        ("Guinée-Bissau", "Q1007"),
        ("Kharkiv", "Q42308"),
        ("Davos", "place:davos"),
        # French regions and departments, world cities, short forms
        ("Rio", "Q8678"),
        ("Île-de-France", "Q13917"),
        ("Pyrénées-Atlantiques", "place:pyrenees-atlantiques"),
        ("Amérique latine", "Q12585"),
        ("al-Bab", "place:al-bab"),
    ],
)
def test_lookup_name(gaz, text, key):
    assert gaz.lookup_name(text).key == key


@pytest.mark.parametrize("text", ["", "Atlantide", "le", "Chambre"])
def test_lookup_name_unknown(gaz, text):
    assert gaz.lookup_name(text) is None


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("letton", "Q211"),
        ("lettones", "Q211"),
        ("lettonnes", "Q211"),
        ("britanniques", "Q145"),
        ("ukrainienne", "Q212"),
        ("hongroises", "Q28"),
        ("Américain", "Q30"),
        ("nigérien", "Q1032"),
        ("nigérians", "Q1033"),
        ("israelien", "Q801"),
    ],
)
def test_lookup_demonym(gaz, word, key):
    assert gaz.lookup_demonym(word).key == key


@pytest.mark.parametrize("word", ["congolais", "coréen", "anglais", "table"])
def test_ambiguous_or_unknown_demonyms_are_left_out(gaz, word):
    assert gaz.lookup_demonym(word) is None


def test_places_know_their_country(gaz):
    assert gaz.lookup_name("Bruxelles").country == "Q31"
    assert gaz.get(gaz.lookup_name("Lettonie").capital).name == "Riga"
    assert isinstance(gaz.get("Q90"), GazetteerEntry)


def test_unknown_language_raises_model_error():
    with pytest.raises(ModelError, match=r"available: .*fr"):
        load_gazetteer("xx")


def test_loaded_once():
    assert load_gazetteer("fr") is load_gazetteer("fr")


# --- the spaCy component --------------------------------------------------------------------


def test_import_registers_factory():
    from spacy.language import Language

    import kg.nlp.entities.gazetteer  # noqa: F401

    assert Language.has_factory("kg_gazetteer")


@pytest.fixture(scope="module")
def blank_nlp():
    """A tokenizer-only French pipeline: enough for the matcher, no model needed."""
    import spacy

    import kg.nlp.entities.gazetteer  # noqa: F401

    nlp = spacy.blank("fr")
    nlp.add_pipe("kg_gazetteer")
    return nlp


def _hits(nlp, text):
    doc = nlp(text)
    return [(doc[h.start : h.end].text, h.key, h.kind) for h in doc._.kg_gazetteer]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le ministre letton est arrivé.", [("letton", "Q211", "demonym")]),
        ("Les forces ukrainiennes avancent.", [("ukrainiennes", "Q212", "demonym")]),
        ("Elle a rejoint l’OTAN hier.", [("OTAN", "Q7184", "name")]),
        ("Elle a rejoint l'OTAN hier.", [("OTAN", "Q7184", "name")]),
        ("Il parle de l'Allemagne.", [("Allemagne", "Q183", "name")]),
        (
            "La France et le Royaume-Uni.",
            [("France", "Q142", "name"), ("Royaume-Uni", "Q145", "name")],
        ),
        ("Un vol vers les Etats-Unis.", [("Etats-Unis", "Q30", "name")]),
        ("Le vote en Guinée-Bissau.", [("Guinée-Bissau", "Q1007", "name")]),
        ("Le vote en Guinée équatoriale.", [("Guinée équatoriale", "Q983", "name")]),
        ("Il vit à Saint-Pétersbourg.", [("Saint-Pétersbourg", "Q656", "name")]),
        ("Il vit à Kyïv.", [("Kyïv", "Q1899", "name")]),
        ("Le Niger et le Nigeria.", [("Niger", "Q1032", "name"), ("Nigeria", "Q1033", "name")]),
        ("La République tchèque vote.", [("République tchèque", "Q213", "name")]),
        ("Réunion au Caire.", [("Caire", "Q85", "name")]),
        ("Un sommet de l'UE et de l'ONU.", [("UE", "Q458", "name"), ("ONU", "Q1065", "name")]),
        (
            "Les Pays-Bas et la Macédoine du Nord.",
            [("Pays-Bas", "Q55", "name"), ("Macédoine du Nord", "Q221", "name")],
        ),
    ],
)
def test_component_hits(blank_nlp, text, expected):
    assert _hits(blank_nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Une veste en suède et une vue sur la rue.",  # "suède", "ue" inside words
        "Il nous a dit que tout va bien.",  # "us" in "nous", no "US"
        "Salvador Dalí peignait.",  # a first name, not the country
        "Maurice Ravel composait.",
        "Dominique est partie.",
        "Victoria a gagné.",
        "une eau claire",  # "EAU" is case-sensitive
    ],
)
def test_component_false_positives(blank_nlp, text):
    assert [h for h in _hits(blank_nlp, text) if h[2] == "name"] == []


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Il a voté au Salvador.", "Q792"),
        ("Elle vit sur l'île Maurice.", "Q1027"),
        ("Un cyclone a frappé la Dominique.", "Q784"),
    ],
)
def test_component_guarded_aliases(blank_nlp, text, key):
    assert [h[1] for h in _hits(blank_nlp, text)] == [key]


def test_hits_are_sorted_and_names_do_not_overlap(blank_nlp):
    doc = blank_nlp("La Papouasie-Nouvelle-Guinée, la Guinée et les Guinéens de l’Union africaine.")
    hits = doc._.kg_gazetteer
    assert hits == sorted(hits, key=lambda h: (h.start, h.end, h.kind, h.key))
    names = [h for h in hits if h.kind == "name"]
    for a, b in itertools.pairwise(names):
        assert a.end <= b.start
    assert [h.key for h in names] == ["Q691", "Q1006", "Q7159"]
    assert [h.key for h in hits if h.kind == "demonym"] == ["Q1006"]


def test_hits_are_picklable(blank_nlp):
    import pickle

    doc = blank_nlp("Le président letton à Riga.")
    assert pickle.loads(pickle.dumps(doc._.kg_gazetteer)) == doc._.kg_gazetteer


@pytest.mark.slow
def test_full_pipeline(fr_nlp):
    import spacy

    import kg.nlp.entities.gazetteer  # noqa: F401

    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("kg_gazetteer")
    text = (
        "Le ministre letton des Affaires étrangères a rencontré mardi à Bruxelles le "
        "secrétaire général de l’OTAN, avant un voyage à Kyïv avec des diplomates britanniques."
    )
    doc = nlp(text)
    got = [(doc[h.start : h.end].text, h.key, h.kind) for h in doc._.kg_gazetteer]
    assert got == [
        ("letton", "Q211", "demonym"),
        ("Bruxelles", "Q239", "name"),
        ("OTAN", "Q7184", "name"),
        ("Kyïv", "Q1899", "name"),
        ("britanniques", "Q145", "demonym"),
    ]
    # The raw model is untouched by the component: same entities with and without it.
    assert [e.text for e in doc.ents] == [e.text for e in fr_nlp(text).ents]
    assert "kg_gazetteer" in nlp.analyze_pipes(pretty=False)["summary"]


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Selon Le Monde, la réforme attendra.", True),
        ("Le monde entier regardait la finale.", False),
    ],
)
def test_capitals_after_the_first_word_are_required(blank_nlp, text, present) -> None:
    doc = blank_nlp(text)
    keys = {h.key for h in doc._.kg_gazetteer}
    assert ("Q12461" in keys) is present


# -- per-country institutions (kg/lang/fr/institutions.json) ---------------------------------
@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("SPD", "Parti social-démocrate d'Allemagne", "Q183"),
        ("AfD", "Alternative pour l'Allemagne", "Q183"),
        ("Armée populaire de libération", "Armée populaire de libération", "Q148"),
        ("le Likoud", "Likoud", "Q801"),
        ("El País", "El País", "Q29"),
        ("CFTC", "Confédération française des travailleurs chrétiens", "Q142"),
        ("la FNSEA", "Fédération nationale des syndicats d'exploitants agricoles", "Q142"),
        ("Pernod Ricard", "Pernod Ricard", "Q142"),
        ("Technip", "TechnipFMC", "Q142"),
        ("D8", "C8", "Q142"),
    ],
)
def test_national_institutions_carry_their_country(text, name, country):
    entry = load_gazetteer("fr").lookup_name(text)
    assert entry is not None and entry.type == "Organization"
    assert (entry.name, entry.country) == (name, country)


@pytest.mark.parametrize("word", ["Orange", "Total", "Vinci", "Legrand"])
def test_company_names_that_are_places_words_or_surnames_are_left_out(word):
    # a CAC 40 company named like a town, a common word or a surname would turn every
    # use of that word into the company
    entry = load_gazetteer("fr").lookup_name(word)
    assert entry is None or entry.type != "Organization"


def test_an_institution_of_an_unknown_country_is_a_clear_error():
    from kg.errors import ModelError
    from kg.lang import lang_data
    from kg.lang.gazetteer import GAZETTEER_DATA, gazetteer_from_data

    data = dict(lang_data("fr", GAZETTEER_DATA))
    data["institutions"] = {"countries": {"Atlantide": {"media": [["La Gazette", [], []]]}}}
    with pytest.raises(ModelError, match="Atlantide"):
        gazetteer_from_data("fr", data)


@pytest.mark.parametrize(
    ("name", "wikidata"),
    [
        # French parties with seats, by name or acronym
        ("LFI", "Q27978402"),
        ("La République en marche", "Q23731823"),
        ("MoDem", "Q587370"),
        ("EELV", "Q613786"),
        ("Rassemblement national", "Q205150"),  # the Front national's item, renamed
        ("RN", None),  # also a French road ("la RN 7"): no acronym for the party
        # major international organisations
        ("Interpol", "Q8475"),
        ("OSCE", "Q81299"),
        ("G20", "Q19771"),
    ],
)
def test_parties_and_international_bodies_carry_their_wikidata_id(gaz, name, wikidata):
    entry = gaz.lookup_name(name)
    assert (entry.wikidata if entry else None) == wikidata


def test_every_key_the_relation_lexicon_names_is_in_the_gazetteer(gaz):
    def keys(node):
        if isinstance(node, dict):
            for v in node.values():
                yield from keys(v)
        elif isinstance(node, list):
            for v in node:
                yield from keys(v)
        elif isinstance(node, str) and (
            node.startswith("organization:") or re.fullmatch(r"Q\d+", node)
        ):
            yield node

    relations = json.loads(
        (resources.files("kg") / "lang" / "fr" / "relations.json").read_text(encoding="utf-8")
    )
    assert [k for k in keys(relations) if k not in gaz] == []
