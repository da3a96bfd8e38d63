"""The model's French lemmatizer, reading its own cache over token columns.

Why: spaCy's rule lemmatizer already caches its answer per (word, part of speech), but it
still builds a ``Token`` and sets ``token.lemma_`` for every word of every document, which
costs more than the cache lookups themselves. Here the words, parts of speech and lemmas are
read as columns (``to_array``), each cached answer is looked up without a ``Token``, and the
lemmas are written back in one ``from_array``; a word the cache does not hold goes through
:meth:`~ColumnFrenchLemmatizer._rule_forms`, spaCy's French rules line for line (caching the
answer, or not, as they do) with one change: the model's ``lemma_index`` tables are lists
(66,000 nouns), and spaCy tests ``word in index`` on them, a scan of the list for every new
word and again for every suffix rule that applies to it; here each list is also held as a
set, so the test is one hash. Until the cache is warm (the first few hundred documents of
each process, that is of each build worker) those scans were most of the lemmatizer's time:
3.3 s CPU over the first 250 WiNER dev documents, against 0.04 s once warm. The result is
the same document: ``tests/nlp/test_lemmatizer.py`` compares both.

Only the instance's class changes (to :class:`ColumnFrenchLemmatizer`, a subclass that
overrides ``__call__``): name, config, tables and serialisation are the model's.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, ORTH, POS
from spacy.errors import Errors
from spacy.lang.fr.lemmatizer import FrenchLemmatizer
from spacy.language import Language
from spacy.tokens import Doc, Token

__all__ = ["ColumnFrenchLemmatizer", "speed_up_lemmatizer"]


class ColumnFrenchLemmatizer(FrenchLemmatizer):
    """A ``FrenchLemmatizer`` whose rule mode reads its cache over token columns."""

    #: (spaCy's cache and tables, lemma hash per (word, POS)): started again whenever the
    #: cache or a table is another object (``initialize``, ``from_disk`` load new ones).
    _kg_hashes: tuple[tuple[object, ...], dict[tuple[int, int], int]] | None = None
    #: (the ``lemma_index`` table, its lists as sets by part of speech), started again when
    #: the table is another object.
    _kg_index: tuple[object, dict[str, frozenset[str]]] | None = None

    def __call__(self, doc: Doc) -> Doc:
        """Same result as ``Lemmatizer.__call__``, without a ``Token`` per cached word."""
        if self.mode != "rule" or not len(doc) or not _pure(self):
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        error_handler = self.get_error_handler()
        try:
            return self._lemmatize_columns(doc)
        except Exception as e:
            error_handler(self.name, self, [doc], e)

    def _lemmatize_columns(self, doc: Doc) -> Doc:
        cache = self.cache
        sources = (cache, *(self.lookups.get_table(name) for name in self.lookups.tables))
        memo = self._kg_hashes
        if (
            memo is None
            or len(memo[0]) != len(sources)
            or any(a is not b for a, b in zip(memo[0], sources, strict=True))
        ):
            memo = self._kg_hashes = (sources, {})
        hashes = memo[1]
        table = doc.to_array([ORTH, POS, LEMMA])
        orths, tags, lemmas = (table[:, k].tolist() for k in range(3))
        add = self.vocab.strings.add
        overwrite = self.overwrite
        for i, lemma in enumerate(lemmas):
            if lemma and not overwrite:
                continue
            key = (orths[i], tags[i])
            value = hashes.get(key)
            if value is None:
                forms = cache.get(key)
                if forms is None:
                    # spaCy's own path, which caches the answer in ``cache`` or not
                    # (proper nouns, numbers: looked up in its table each time)
                    forms = self._rule_forms(doc[i])
                # The answer is a function of the word and its POS alone (the French rule
                # lemmatizer and its lookup fallback read nothing else), so it is kept
                # here even when spaCy does not cache it.
                value = hashes[key] = add(forms[0])
            lemmas[i] = value
        table[:, 2] = lemmas
        doc.from_array([LEMMA], table[:, 2])
        return doc

    def _index_set(self, univ_pos: str) -> frozenset[str]:
        """``lemma_index[univ_pos]`` as a set (the same members: strings)."""
        table = self.lookups.get_table("lemma_index", {})
        memo = self._kg_index
        if memo is None or memo[0] is not table:
            memo = self._kg_index = (table, {})
        found = memo[1].get(univ_pos)
        if found is None:
            found = memo[1][univ_pos] = frozenset(table.get(univ_pos, {}))
        return found

    def _rule_forms(self, token: Token) -> list[str]:
        """``FrenchLemmatizer.rule_lemmatize`` (spaCy 3.8) with the index read as a set.

        Same statements in the same order, so the same answers and the same cache entries;
        only ``x in index`` tests a set instead of scanning a list.
        """
        cache_key = (token.orth, token.pos)
        if cache_key in self.cache:
            return self.cache[cache_key]
        string = token.text
        univ_pos = token.pos_.lower()
        if univ_pos in ("", "eol", "space"):
            return [string.lower()]
        elif "lemma_rules" not in self.lookups or univ_pos not in _RULE_POS:
            return self.lookup_lemmatize(token)
        exc_table = self.lookups.get_table("lemma_exc", {})
        rules_table = self.lookups.get_table("lemma_rules", {})
        lookup_table = self.lookups.get_table("lemma_lookup", {})
        index = self._index_set(univ_pos)
        exceptions = exc_table.get(univ_pos, {})
        rules = rules_table.get(univ_pos, [])
        string = string.lower()
        forms: list[str] = []
        if string in index:
            forms.append(string)
            self.cache[cache_key] = forms
            return forms
        forms.extend(exceptions.get(string, []))
        oov_forms = []
        if not forms:
            for old, new in rules:
                if string.endswith(old):
                    form = string[: len(string) - len(old)] + new
                    if not form:
                        pass
                    elif form in index or not form.isalpha():
                        forms.append(form)
                    else:
                        oov_forms.append(form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(lookup_table.get(string, [string])[0])
        forms = list(dict.fromkeys(forms))
        self.cache[cache_key] = forms
        return forms


#: The parts of speech spaCy's French rules lemmatize (the others go to the lookup table).
_RULE_POS = frozenset(
    ("noun", "verb", "adj", "adp", "adv", "aux", "cconj", "det", "pron", "punct", "sconj")
)


def _pure(lemmatizer: FrenchLemmatizer) -> bool:
    """Whether the answers are spaCy's French rules (a function of word and POS only)."""
    cls = type(lemmatizer)
    return (
        cls.rule_lemmatize is FrenchLemmatizer.rule_lemmatize
        and cls.lookup_lemmatize is FrenchLemmatizer.lookup_lemmatize
        and getattr(lemmatizer.lemmatize, "__func__", None) is FrenchLemmatizer.rule_lemmatize
    )


def speed_up_lemmatizer(nlp: Language) -> None:
    """Make the model's French ``lemmatizer`` (if any) a :class:`ColumnFrenchLemmatizer`."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer = nlp.get_pipe("lemmatizer")
    if type(lemmatizer) is FrenchLemmatizer:
        lemmatizer.__class__ = ColumnFrenchLemmatizer
