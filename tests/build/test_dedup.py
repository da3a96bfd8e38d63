"""kg.build.dedup: one text read once, its other copies kept as publishers."""

from __future__ import annotations

import json
import logging

from kg.build.dedup import MIN_WORDS, Duplicates
from kg.build.inputs import Corpus
from kg.model import Document

#: A wire story, then two relays: one word for word with a credit line, one lightly edited.
WIRE = (
    "Tallinn, 4 juin 2024 – Le gouvernement estonien a approuvé mardi un plan de "
    "construction de trois parcs éoliens en mer Baltique, pour une puissance totale de "
    "deux gigawatts. Les travaux doivent commencer en 2026 et le premier parc devrait "
    "produire de l'électricité deux ans plus tard, selon le ministère du Climat. Le projet "
    "sera financé en partie par des fonds européens et par un emprunt auprès de la Banque "
    "européenne d'investissement, a précisé le ministre lors d'une conférence de presse."
)
RELAY_SAME = WIRE + " (avec AFP)"
RELAY_EDITED = WIRE.replace("a approuvé mardi", "a adopté ce mardi").replace(
    ", a précisé le ministre lors d'une conférence de presse.", ", a indiqué le ministre."
)
OTHER = (
    "Riga, 4 juin 2024 – Le parlement letton a voté mardi une loi qui impose aux chaînes de "
    "télévision de diffuser au moins la moitié de leurs programmes en letton à partir de "
    "l'an prochain. Les opposants au texte ont annoncé un recours devant la Cour "
    "constitutionnelle, estimant qu'il porte atteinte à la liberté de la presse et aux "
    "droits des minorités linguistiques du pays, qui représentent près d'un tiers des "
    "habitants selon le dernier recensement."
)


def _corpus(tmp_path, records: list[dict]) -> Corpus:
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return Corpus.from_paths([path], date=None, lang="fr")


def test_relayed_copies_are_one_document_with_all_publishers(tmp_path, caplog) -> None:
    corpus = _corpus(
        tmp_path,
        [
            {"id": "afp", "text": WIRE, "publisher": "Agence A", "url": "https://a.example/1"},
            {"id": "other", "text": OTHER, "publisher": "Agence A"},
            {"id": "relay-1", "text": RELAY_SAME, "publisher": "Site B"},
            {"id": "relay-2", "text": RELAY_EDITED, "publisher": "Site C"},
            {"id": "again", "text": WIRE, "publisher": "Site D", "url": "https://d.example/x"},
        ],
    )
    with caplog.at_level(logging.WARNING, logger="kg"):
        docs = list(corpus)
    assert [d.id for d in docs] == ["afp", "other"]
    assert docs[0].publishers == ("Agence A", "Site B", "Site C", "Site D")
    copies = {c.id: c for c in docs[0].copies}
    assert copies["again"].similarity == 1.0 and copies["again"].url == "https://d.example/x"
    assert 0.7 <= copies["relay-2"].similarity < 1.0
    assert docs[1].copies == ()
    (message,) = [r.getMessage() for r in caplog.records]
    assert message.startswith("3 documents had the same or a near-identical text")


def test_every_pass_finds_the_same_copies(tmp_path) -> None:
    corpus = _corpus(
        tmp_path, [{"id": "a", "text": WIRE}, {"id": "b", "text": RELAY_EDITED, "publisher": "B"}]
    )
    first = [d.id for d in corpus.stream()]
    copies = dict(corpus.copies)
    assert [d.id for d in corpus.stream()] == first == ["a"]
    assert corpus.copies == copies and [c.id for c in copies["a"]] == ["b"]


def test_different_articles_on_one_day_are_kept_apart() -> None:
    seen = Duplicates()
    assert seen.original(Document("a", WIRE)) is None
    assert seen.original(Document("b", OTHER)) is None
    assert seen.original(Document("c", RELAY_EDITED))[0] == "a"


def test_short_texts_are_compared_by_hash_only() -> None:
    short = " ".join(["mot"] * (MIN_WORDS - 5))
    seen = Duplicates()
    assert seen.original(Document("a", short + " un")) is None
    assert seen.original(Document("b", short + " deux")) is None  # near, but too short to say
    assert seen.original(Document("c", short + " un")) == ("a", 1.0)
