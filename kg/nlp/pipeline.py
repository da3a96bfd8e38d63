"""Build kg's spaCy pipeline and run documents through it.

Why here: the model is loaded once per process (3-4 s) and every entry point — CLI, API,
benchmarks, tests — must get the same pipeline, in the same order, with the same tokenizer
exceptions.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import cache

from spacy.attrs import ORTH
from spacy.language import Language

from kg.errors import ModelError
from kg.io import SUPPORTED_LANGS
from kg.model import Document, Extraction
from kg.nlp.extensions import register_extensions

__all__ = ["KG_PIPES", "MODELS", "extract_documents", "load_pipeline"]

#: Models kg is tested with, per language; the first is the default.
MODELS: dict[str, tuple[str, ...]] = {"fr": ("fr_core_news_md", "fr_core_news_sm")}
#: kg's components, in order, each registered by importing its module.
KG_PIPES: tuple[tuple[str, str], ...] = (
    ("kg_gazetteer", "kg.nlp.gazetteer"),
    ("kg_entities", "kg.nlp.entities"),
    ("kg_times", "kg.nlp.times"),
    ("kg_relations", "kg.nlp.relations"),
)


@cache
def load_pipeline(model: str | None = None, lang: str = "fr") -> Language:
    """Load ``model`` with kg's components added after NER (cached per process).

    Raises:
        ModelError: the language is unknown or the model is not installed.
    """
    import spacy

    if lang not in SUPPORTED_LANGS:
        raise ModelError(
            f"unknown language {lang!r}: kg supports {', '.join(SUPPORTED_LANGS)} (use --lang fr)"
        )
    model = model or MODELS[lang][0]
    if model not in MODELS[lang]:
        raise ModelError(
            f"unknown model {model!r} for {lang!r}: choose one of {', '.join(MODELS[lang])}"
        )
    try:
        nlp = spacy.load(model)
    except OSError:
        package = model.replace("_", "-")
        raise ModelError(
            f"spaCy model {model!r} is not installed: pip install {package}==3.8.0"
        ) from None
    register_extensions()
    for _, module in KG_PIPES:
        importlib.import_module(module)
    _add_special_cases(nlp, lang)
    for name, _ in KG_PIPES:
        nlp.add_pipe(name, config={"lang": lang})
    return nlp


def _add_special_cases(nlp: Language, lang: str) -> None:
    """Keep hyphenated names ("Royaume-Uni", "Pays-Bas") whole: split, they wreck the parse."""
    from kg.gazetteer import load_gazetteer

    for entry in load_gazetteer(lang).entries:
        for name in (entry.name, *entry.aliases):
            if "-" in name and " " not in name and "'" not in name and "’" not in name:
                nlp.tokenizer.add_special_case(name, [{ORTH: name}])


def extract_documents(
    documents: Iterable[Document],
    nlp: Language,
    *,
    batch_size: int = 16,
) -> Iterator[Extraction]:
    """Run documents through ``nlp`` lazily and yield their extractions, in input order.

    Memory stays flat: documents are read, parsed and turned into plain records in batches,
    and no spaCy ``Doc`` outlives its batch.
    """
    from kg.nlp.extract import doc_to_extraction

    pending: dict[int, Document] = {}

    def make_docs() -> Iterator:
        for n, document in enumerate(documents):
            doc = nlp.make_doc(document.text)
            doc._.kg_doc_id = document.id
            doc._.kg_date = document.date.isoformat() if document.date else None
            doc.user_data["kg_seq"] = n
            pending[n] = document
            yield doc

    for doc in nlp.pipe(make_docs(), batch_size=batch_size):
        document = pending.pop(doc.user_data["kg_seq"])
        yield doc_to_extraction(doc, document)
