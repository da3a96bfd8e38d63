"""kg's components are built from their language data, saved with the pipeline and rebuilt.

Why it matters: a researcher who edits a lexicon (a verb frame, a month spelling) can save the
pipeline with ``nlp.to_disk`` and get the same extractions back with ``spacy.load``, on
another machine, without touching kg's package data.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
import spacy

from kg.model import Document
from kg.nlp.pipeline import KG_PIPES, extract_documents, load_pipeline

pytestmark = pytest.mark.slow

TEXT = (
    "Le 4 avril, la Norvège a rejoint l'alliance des garde-côtes nordiques. "
    "Le ministre norvégien de la Pêche, Lars Dalen, a salué l'accord."
)


def _extract(nlp):
    document = Document("note", TEXT, date=dt.date(2025, 4, 9))
    return next(extract_documents([document], nlp))


@pytest.fixture(scope="module")
def saved(tmp_path_factory):
    path = tmp_path_factory.mktemp("pipeline") / "kg-fr"
    load_pipeline().to_disk(path)
    return path


def test_each_component_saves_the_data_it_was_built_from(saved):
    assert {p.name for p in (saved / "kg_relations").iterdir()} == {"relations.json", "words.json"}
    assert {p.name for p in (saved / "kg_times").iterdir()} == {"times.json", "words.json"}
    assert "entities.json" in {p.name for p in (saved / "kg_entities").iterdir()}
    assert "countries.json" in {p.name for p in (saved / "kg_gazetteer").iterdir()}


def test_a_saved_pipeline_extracts_the_same(saved):
    reloaded = spacy.load(saved)
    assert reloaded.pipe_names[-len(KG_PIPES) :] == [name for name, _ in KG_PIPES]
    assert _extract(reloaded).to_dict() == _extract(load_pipeline()).to_dict()


def test_an_edited_lexicon_changes_what_the_reloaded_pipeline_reads(saved, tmp_path):
    before = _extract(load_pipeline())
    assert ("Q20", "joins") in {(r.subject, r.predicate) for r in before.relations}
    assert "2025-04-04" in {t.value for t in before.times}

    edited = tmp_path / "edited"
    spacy.load(saved).to_disk(edited)
    relations_file = edited / "kg_relations" / "relations.json"
    lexicon = json.loads(relations_file.read_text(encoding="utf-8"))
    for frame in lexicon["verb_frames"]:
        if frame["predicate"] == "joins":
            frame["lemmas"] = []  # nobody joins anything any more
    relations_file.write_text(json.dumps(lexicon, ensure_ascii=False), encoding="utf-8")
    times_file = edited / "kg_times" / "times.json"
    times = json.loads(times_file.read_text(encoding="utf-8"))
    times["months"] = {k: v for k, v in times["months"].items() if v != 4}  # no April
    times_file.write_text(json.dumps(times, ensure_ascii=False), encoding="utf-8")

    after = _extract(spacy.load(edited))
    assert "joins" not in {r.predicate for r in after.relations}
    assert "2025-04-04" not in {t.value for t in after.times}
    assert {e.name for e in after.entities} == {e.name for e in before.entities}
