"""Issue 17, defects 2, 5 and 14: one document kg cannot read well never stops a corpus.

Over-long documents and text in another language are skipped with a one-line warning;
documents sharing an id are told apart (or skipped when they are the same document).
"""

from __future__ import annotations

import json
import logging

import pytest
from click.testing import CliRunner

from kg.build.inputs import Corpus
from kg.build.screen import MAX_CHARS, screen
from kg.cli import main
from kg.lang.detect import language_mismatch
from kg.model import Document

#: Running text written for these tests, about three sentences per language.
FRENCH = (
    "Le conseil municipal a voté hier soir le budget de la ville pour l'année prochaine. "
    "Selon le maire, les travaux de la nouvelle école commenceront dans les prochains mois, "
    "et les habitants du quartier seront consultés avant la fin des études. "
)
#: A second French article, so that a reused id is not also a repeated text.
OTHER_FRENCH = (
    "La bibliothèque du centre-ville rouvrira ses portes lundi après six mois de rénovation. "
    "Les lecteurs y trouveront une salle consacrée aux jeux vidéo et un atelier de couture, "
    "a indiqué la directrice, qui attend plusieurs centaines de visiteurs dès la première semaine. "
)
OTHERS = {
    "english": (
        "The city council voted last night on the budget of the town for the coming year. "
        "According to the mayor, work on the new school will start in the coming months, "
        "and the residents of the district will be consulted before the studies end. "
    ),
    "german": (
        "Der Stadtrat hat gestern Abend den Haushalt der Stadt für das kommende Jahr "
        "beschlossen. Nach Angaben des Bürgermeisters beginnen die Arbeiten an der neuen "
        "Schule in den nächsten Monaten, und die Anwohner werden vorher befragt. "
    ),
    "arabic": (
        "صوت المجلس البلدي مساء أمس على ميزانية المدينة للعام المقبل. وبحسب رئيس البلدية، "
        "ستبدأ أعمال المدرسة الجديدة في الأشهر المقبلة، وسيتم استشارة سكان الحي. "
    ),
    "chinese": (
        "市议会昨晚投票通过了明年的城市预算。"
        "据市长说，新学校的工程将在未来几个月开始，居民将在研究结束前得到咨询。"
    ),
    "russian": (
        "Городской совет вчера вечером проголосовал за бюджет города на следующий год. "
        "По словам мэра, работы в новой школе начнутся в ближайшие месяцы. "
    ),
    "greek": (
        "Το δημοτικό συμβούλιο ψήφισε χθες το βράδυ τον προϋπολογισμό της πόλης για το "
        "επόμενο έτος. Σύμφωνα με τον δήμαρχο, οι εργασίες θα ξεκινήσουν σύντομα. "
    ),
}


def _screened(docs, *, check_language=True):
    return list(screen(docs, check_language=check_language))


@pytest.mark.parametrize("name", sorted(OTHERS))
def test_text_in_another_language_is_skipped_with_a_warning(name, caplog) -> None:
    text = OTHERS[name] * 3
    assert language_mismatch(text, "fr")
    docs = [Document("a", FRENCH * 2), Document("b", text, source="b.txt")]
    with caplog.at_level(logging.WARNING, logger="kg"):
        assert [d.id for d in _screened(docs)] == ["a"]
    (message,) = [r.getMessage() for r in caplog.records]
    assert message.startswith("b.txt: skipped") and "--lang fr" in message
    assert [d.id for d in _screened(docs, check_language=False)] == ["a", "b"]


@pytest.mark.parametrize(
    "text",
    [FRENCH, FRENCH * 40, FRENCH.upper() * 2, "Titre court.", "Texte.", "2024 : 12 - 5 %"],
    ids=["one", "long", "upper", "title", "word", "numbers"],
)
def test_french_and_too_short_texts_are_kept(text) -> None:
    assert language_mismatch(text, "fr") is None


@pytest.mark.parametrize("extra", [0, 1, 10_000])
def test_documents_over_the_limit_are_skipped_and_the_rest_kept(extra, caplog) -> None:
    limit = Document("limit", "b" * MAX_CHARS)  # another text: not a copy of "over"
    over = Document("over", "a" * (MAX_CHARS + extra))
    docs = [Document("first", "Un."), over, limit, Document("last", "Deux.")]
    with caplog.at_level(logging.WARNING, logger="kg"):
        kept = [d.id for d in _screened(docs, check_language=False)]
    if extra:
        assert kept == ["first", "limit", "last"]
        assert "split it" in caplog.records[0].getMessage()
    else:
        assert kept == ["first", "over", "limit", "last"]


def test_documents_sharing_an_id_are_told_apart_or_skipped(caplog) -> None:
    docs = [
        Document("x", "Un."),
        Document("x", "Deux."),  # another article: renamed
        Document("x", "Un."),  # the same article again: skipped
        Document("x~2", "Trois."),  # the new name is taken: renamed again
        Document("x", "Un.", date=None, lang="fr", source="again.txt"),  # the same: skipped
        Document("x", "Quatre."),
    ]
    with caplog.at_level(logging.WARNING, logger="kg"):
        kept = [(d.id, d.text) for d in _screened(docs, check_language=False)]
    assert kept == [("x", "Un."), ("x~2", "Deux."), ("x~2~2", "Trois."), ("x~3", "Quatre.")]
    assert len({d for d, _ in kept}) == len(kept)
    assert len(caplog.records) == 5


def test_a_corpus_warns_once_however_many_passes(caplog) -> None:
    corpus = Corpus([Document("x", "Un."), Document("x", "Deux.")], date=None, lang="fr")
    with caplog.at_level(logging.WARNING, logger="kg"):
        for _ in range(3):
            assert [d.id for d in corpus.stream()] == ["x", "x~2"]
    assert len(caplog.records) == 1


@pytest.mark.slow
def test_a_corpus_with_bad_documents_builds_the_rest(tmp_path) -> None:
    records = [
        {"id": "ok", "text": FRENCH},
        {"id": "en", "text": OTHERS["english"] * 2},
        {"id": "ar", "text": OTHERS["arabic"] * 2},
        {"id": "long", "text": "a " * (MAX_CHARS // 2 + 1)},
        # Its id is taken; its text is another article (the same text would be a copy).
        {"id": "ok", "text": OTHER_FRENCH},
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["build", str(path), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("kg: warning:")]
    assert [w.split(":")[3] for w in warnings] == ["2", "3", "4", "5"]
    ids = [json.loads(line)["id"] for line in (out / "extraction.jsonl").read_text().splitlines()]
    assert ids == ["ok", "ok~2"]
    # Given explicitly, the language is trusted.
    result = CliRunner().invoke(main, ["extract", str(path), "--lang", "fr"])
    assert result.exit_code == 0
    assert result.output.count("kg: warning:") == 2  # the long one and the shared id


def test_a_corpus_of_only_skipped_documents_is_an_error(tmp_path) -> None:
    (tmp_path / "en.txt").write_text(OTHERS["english"] * 2, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path / "en.txt"), "--out", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert result.output.splitlines()[-1].startswith("kg: error: no document left")
