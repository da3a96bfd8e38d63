"""kg_relations through the whole pipeline on sentences whose parse is hard.

Each sentence is written for kg; each row says which facts a reader draws from it. These
cover parser misattachments the patterns must survive (fronted phrases, relative clauses
between subject and verb, participles after a comma).
"""

from __future__ import annotations

import pytest
from _hand import pipeline_facts

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def nlp():
    from kg.nlp.pipeline import load_pipeline

    return load_pipeline()


facts = pipeline_facts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "La Pologne et l'Estonie prennent la tête d'une coalition navale pour la mer Noire.",
            {
                ("Pologne", "leads", "coalition navale", "asserted"),
                ("Estonie", "leads", "coalition navale", "asserted"),
            },
        ),
        (
            "Le Danemark assure la direction d'une coalition chargée du déminage.",
            {("Danemark", "leads", "coalition", "asserted")},
        ),
        (
            "Selon la presse finlandaise, trois pays, dont la Norvège et l'Islande, devraient "
            "rejoindre la coalition d'ici l'été.",
            {
                ("Norvège", "joins", "coalition", "expected"),
                ("Islande", "joins", "coalition", "expected"),
            },
        ),
        (
            "La Norvège, dont la candidature à l'Union européenne reste bloquée, devrait aussi "
            "signer le traité.",
            {("Norvège", "signs", "traité", "expected")},
        ),
        (
            "Les dirigeants préparent le sommet du G20 prévu à Rio de Janeiro en novembre.",
            {("sommet du G20", "locatedIn", "Rio de Janeiro", "planned")},
        ),
        (
            "L'accord a été signé lors de la conférence des donateurs, organisée au siège de "
            "l'ONU à Genève.",
            {("conférence des donateurs", "locatedIn", "Genève", "asserted")},
        ),
        (
            "Le maire de Lyon, Grégory Doucet, a inauguré la ligne.",
            {("Grégory Doucet", "headOf", "Lyon", "asserted")},
        ),
        (
            "Le plan a été adopté lors de la réunion des ministres des Finances de l'Union "
            "européenne.",
            {
                (
                    "Union européenne",
                    "participatesIn",
                    "réunion des ministres des Finances de l'Union européenne",
                    "asserted",
                )
            },
        ),
    ],
)
def test_reader_facts(nlp, text: str, expected: set) -> None:
    assert expected <= facts(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Les syndicats critiquent la direction de la coalition.",
        "Le maire a visité Lyon avec des élus.",
        "La Norvège, qui observe la situation, attend des précisions.",
        "Une conférence sur la sécurité de l'Ukraine aura lieu à Genève.",
    ],
)
def test_no_fact_where_a_reader_sees_none(nlp, text: str) -> None:
    found = facts(nlp, text)
    assert not {f for f in found if f[1] in {"leads", "headOf", "signs", "joins", "participatesIn"}}


def test_place_right_after_a_future_event_is_its_planned_location(nlp) -> None:
    text = (
        "Les ministres se réunissaient pour examiner la préparation du prochain sommet de "
        "l'Alliance à Ottawa en juillet."
    )
    doc = nlp.make_doc(text)
    doc._.kg_doc_id = "t"
    doc._.kg_date = "2024-02-15"
    doc = nlp(doc)
    times = {t.id: t.value for t in doc._.kg_times}
    (rel,) = [r for r in doc._.kg_relations if r.predicate == "locatedIn"]
    assert doc._.kg_entities[rel.subject].name == "prochain sommet de l'Alliance"
    assert doc._.kg_entities[rel.object].name == "Ottawa"
    assert rel.modality == "planned"
    assert times[rel.time] == "2024-07"
