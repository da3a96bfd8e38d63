"""Who said what: quotes, reporting clauses and "selon ..." sources, found once per document.

Why surface + tree rules: French attribution is formulaic ("« … », a ajouté X", "X a déclaré
que …", "X a déclaré : « … »", "…, selon les médias lettons", "indique le communiqué") but the
parser often misreads it (an inverted subject becomes an object, "indique" keeps its surface
form as lemma, a quote spanning two sentences is split). Quote marks are read from the text,
reporting verbs from the lexicon (``modality.speech_verbs`` and ``attribution`` in
``kg/lang/<lang>/relations.json``), and the reported content is the part of the text the
reporting clause governs, as character ranges, so a fact is attributed by one range test on
its trigger. The decision record is ``docs/decisions/0005-attribution.md``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.symbols import ADP, AUX, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from kg.lang import fold_lexeme
from kg.nlp import ud
from kg.nlp.attribution.records import Attribution, AttributionCues, Quote
from kg.nlp.extensions import TokenMention, doc_text
from kg.nlp.syntax import MentionIndex
from kg.nlp.tokens import DEP, LEMMA, ORTH, column, pos_ids, strings_of

__all__ = ["find_attributions"]

_WORDS = re.compile(r"\w+'|\w+|[^\w\s]")
_NOMINAL = frozenset({"NOUN", "PROPN"})
_SPEECH_POS = frozenset({VERB, AUX})
_ACCORDING_POS = frozenset({ADP, VERB, NOUN})
#: Folded words and lemmas of a document, memoised per string (see kg.nlp.tokens).
_FOLD = column(fold_lexeme)
_SUBJ = frozenset({ud.NSUBJ, ud.NSUBJ_PASS})
#: Dependents an inverted subject gets from the parser ("a affirmé *la ministre*").
_INVERTED_DEPS = frozenset({ud.NSUBJ, ud.NSUBJ_PASS, ud.OBJ, ud.APPOS, ud.DEP, ud.NMOD})


# ------------------------------------------------------------------------------ clauses
def find_attributions(
    doc: Doc, index: MentionIndex, cues: AttributionCues, quotes: Sequence[Quote] = ()
) -> list[Attribution]:
    """Every attribution of ``doc`` whose source phrase could be read, in text order.

    ``quotes`` are the document's quotes (:func:`find_quotes`), attached to the clauses
    that introduce them.
    """
    found: list[Attribution] = []
    # Cheap pre-scan on token columns (no Token objects): which tokens may be a reporting
    # verb or open an "according" cue; only those are read below, in text order.
    pos, deps = pos_ids(doc), strings_of(doc, DEP)
    words, lemmas = _FOLD(doc, ORTH), _FOLD(doc, LEMMA)
    firsts = {cue[0] for cue, _ in cues.according_cues}
    # A cue of several words ("d'après", "à en croire") opens with a word of any class.
    any_pos = {cue[0] for cue, _ in cues.according_cues if len(cue) > 1}
    speech: dict[int, str] = {}
    according: list[int] = []
    for i, p in enumerate(pos):
        if p in _SPEECH_POS and not deps[i].startswith(ud.AUX):
            lemma = _speech_lemma_of(lemmas[i], words[i], cues)
            if lemma is not None:
                speech[i] = lemma
        elif (
            words[i] in firsts
            and (p in _ACCORDING_POS or words[i] in any_pos)
            # what _cue_at will find, on the folded words
            and any(tuple(words[i : i + len(cue)]) == cue for cue, _ in cues.according_cues)
        ):
            according.append(i)
    todo = sorted([*speech, *according])
    if not todo:
        return _resolve_definite_sources(doc, found, cues)
    k = 0
    for sent in doc.sents:
        while k < len(todo) and todo[k] < sent.end:
            i = todo[k]
            k += 1
            token = doc[i]
            if i in speech:
                attribution = _speech(token, speech[i], sent, index, quotes, cues)
            else:
                attribution = _according(token, sent, index, quotes, cues)
            if attribution is not None:
                found.append(attribution)
    return _resolve_definite_sources(doc, found, cues)


def _speech_lemma(token: Token, cues: AttributionCues) -> str | None:
    """The reporting verb's lemma, also when the lemmatiser kept the surface ("indique")."""
    return _speech_lemma_of(fold_lexeme(token.lemma_), fold_lexeme(token.text), cues)


def _speech_lemma_of(lemma: str, word: str, cues: AttributionCues) -> str | None:
    """:func:`_speech_lemma` on the folded lemma and word."""
    if lemma in cues.speech_verbs:
        return lemma
    for suffix in ("ent", "es", "e", "é", "ée", "és", "ées"):
        if word.endswith(suffix) and (guess := word[: -len(suffix)] + "er") in cues.speech_verbs:
            return guess
    return None


def _speech(
    verb: Token,
    lemma: str,
    sent: Span,
    index: MentionIndex,
    quotes: Sequence[Quote],
    cues: AttributionCues,
) -> Attribution | None:
    doc = verb.doc
    if _passive(verb):
        return None  # "l'initiative a été annoncée": what is said, not who says it
    first = _verb_group_start(verb)
    after_opener = first > sent.start and doc[first - 1].text in cues.incise_openers
    found = _subject(verb, after_opener, index, quotes)
    if found is None:
        return None
    source, left, right, incise = found
    src_start, src_end = _phrase(source, verb, cues, left, right)
    hole = (doc[src_start].idx, _end_char(doc[src_end - 1]))
    ccomp = next((c for c in verb.children if c.dep_ == ud.CCOMP and c.i > verb.i), None)
    after_colon = verb.i + 1 < sent.end and doc[verb.i + 1].text == ":"
    ranges: list[tuple[int, int]] = []
    attached: list[Quote] = []
    direct = False
    if ccomp is not None and not incise:
        ranges.append((doc[ccomp.left_edge.i].idx, _end_char(doc[ccomp.right_edge.i])))
    elif incise:
        before = doc[first - 1].idx
        attached.extend(
            q for q in quotes if q.close <= before + 1 and _only_gap(doc_text(doc), q.close, before)
        )
        direct = bool(attached)
        # A quoted incise reports the quote only (the parser may glue it to the sentence before).
        start = attached[0].open if attached else sent.start_char
        ranges.append((start, doc[first - 1].idx + 1))
    elif after_colon:
        ranges.append((doc[verb.i + 1].idx, sent.end_char))
        colon = doc[verb.i + 1]
        attached.extend(
            q
            for q in quotes
            if q.open >= colon.idx and _only_gap(doc_text(doc), colon.idx + 1, q.open)
        )
        direct = True
    else:
        return None
    lo, hi = ranges[0]
    attached.extend(q for q in quotes if lo <= q.open < hi and q not in attached)
    attached.sort(key=lambda q: q.open)
    ranges.extend((q.open, q.close) for q in attached)
    speaker, affiliation = _source_entities(source, src_start, src_end, index, cues)
    return Attribution(
        cue=verb.i,
        reporting_verb=lemma,
        source_text=doc_text(doc)[hole[0] : hole[1]],
        speaker=speaker,
        affiliation=affiliation,
        ranges=tuple(ranges),
        hole=hole,
        quotes=tuple(attached),
        direct=direct,
    )


def _according(
    token: Token, sent: Span, index: MentionIndex, quotes: Sequence[Quote], cues: AttributionCues
) -> Attribution | None:
    doc = token.doc
    found = _cue_at(token, cues)
    if found is None:
        return None
    cue, label = found
    cue_end = token.i + len(cue)
    source = token.head if not token.i <= token.head.i < cue_end else None
    if source is None or source.pos_ not in {*_NOMINAL, "PRON"}:
        source = next((t for t in doc[cue_end : sent.end] if t.pos_ in _NOMINAL), None)
    if source is None or source.i < cue_end:
        return None
    _, src_end = _phrase(source, None, cues)
    src_end = max(src_end, source.i + 1)
    hole = (token.idx, _end_char(doc[src_end - 1]))
    inside = [q for q in quotes if sent.start_char <= q.open < sent.end_char]
    speaker, affiliation = _source_entities(source, cue_end, src_end, index, cues)
    return Attribution(
        cue=token.i,
        reporting_verb=label,
        source_text=doc_text(doc)[doc[cue_end].idx : hole[1]],
        speaker=speaker,
        affiliation=affiliation,
        ranges=((sent.start_char, sent.end_char),),
        hole=hole,
        quotes=tuple(inside),
        kind="according",
    )


def _cue_at(token: Token, cues: AttributionCues) -> tuple[tuple[str, ...], str] | None:
    doc = token.doc
    first = fold_lexeme(token.text)
    for cue, label in cues.according_cues:
        if cue[0] != first:
            continue
        words = tuple(fold_lexeme(t.text) for t in doc[token.i : token.i + len(cue)])
        if words == cue:
            return cue, label
    return None


def _passive(verb: Token) -> bool:
    return "Pass" in verb.morph.get("Voice") or any(
        c.dep_ in {ud.AUX_PASS, ud.NSUBJ_PASS} for c in verb.children
    )


def _verb_group_start(verb: Token) -> int:
    """Index of the first word of the verb group ("*a* ajouté", "*n'a* pas dit")."""
    first = verb.i
    for child in verb.children:
        if child.i < first and (child.dep_.startswith(ud.AUX) or child.dep_ == ud.ADVMOD_NEG):
            first = child.i
    while first > 0 and verb.doc[first - 1].dep_.startswith(ud.AUX):
        first -= 1
    return first


def _subject(
    verb: Token, after_opener: bool, index: MentionIndex, quotes: Sequence[Quote]
) -> tuple[Token, int, int, bool] | None:
    """The source's head word, its token bounds and whether the clause is an incise.

    An incise ("« … », a ajouté X", "…, indique le communiqué") follows a comma or a closing
    quote, has no subject of its own before the verb (a word inside the quote is not one)
    and its subject comes after the verb, whatever the parser made of it (an object, a
    second subject). With two subjects ("Le président finlandais | Sauli Niinistö a
    annoncé"), the named one heads the phrase and the phrase covers both.
    """
    children = list(verb.children)
    left = [
        c
        for c in children
        if c.dep_ in _SUBJ and c.i < verb.i and not any(q.open <= c.idx < q.close for q in quotes)
    ]
    if any(c.pos_ == "PRON" for c in left):
        return None  # "il a déclaré": who "il" is needs coreference
    subjects = [c for c in left if c.pos_ in _NOMINAL]
    incise = False
    if not subjects and after_opener:
        subjects = [
            c for c in children if c.i > verb.i and c.dep_ in _INVERTED_DEPS and c.pos_ in _NOMINAL
        ][:1]
        incise = bool(subjects)
    if not subjects:
        return None
    head = next((c for c in subjects if index.at_or_apposed(c) is not None), subjects[0])
    start = min(c.left_edge.i for c in subjects)
    end = max(c.right_edge.i for c in subjects) + 1
    return head, start, end, incise


def _phrase(
    head: Token,
    verb: Token | None,
    cues: AttributionCues,
    left: int | None = None,
    right: int | None = None,
) -> tuple[int, int]:
    """Token bounds of the source phrase headed by ``head`` (never crossing the verb)."""
    start = head.left_edge.i if left is None else left
    end = head.right_edge.i + 1 if right is None else right
    if verb is not None:
        if head.i < verb.i:
            end = min(end, _verb_group_start(verb))
        else:
            start = max(start, verb.i + 1)
    doc = head.doc
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    while start < head.i and (
        doc[start].is_punct or fold_lexeme(doc[start].text) in cues.source_openers
    ):
        start += 1
    end = min(end, start + cues.max_source_tokens)
    return start, max(end, head.i + 1)


def _source_entities(
    head: Token, start: int, end: int, index: MentionIndex, cues: AttributionCues
) -> tuple[TokenMention | None, TokenMention | None]:
    """(speaker, affiliation): the entity the phrase is, or one it mentions."""
    mention = index.at_or_apposed(head)
    if mention is None:
        # "l'agence Reuters", "le quotidien Le Monde": a name right after the noun.
        for child in head.children:
            if (
                child.i > head.i
                and child.dep_ in {ud.NMOD, ud.FLAT_NAME, ud.APPOS}
                and not index.has_case(child.i)
            ):
                mention = index.at(child)
                if mention is not None:
                    break
    if (
        mention is not None
        and mention.type in cues.speaker_types
        and (mention.kind != "demonym" or mention.start <= head.i < mention.end)
    ):
        return mention, None
    inner = [
        m
        for i in range(start, end)
        if (m := index.covering(i)) is not None and m.type in cues.speaker_types
    ]
    return None, (inner[0] if inner else None)


def _only_gap(text: str, start: int, end: int) -> bool:
    """Only spaces and punctuation between two offsets (a quote and its incise)."""
    return start <= end and all(not c.isalnum() for c in text[start:end])


def _end_char(token: Token) -> int:
    return token.idx + len(token.text)


# ------------------------------------------------------------------------------ resolution
def _resolve_definite_sources(
    doc: Doc, found: list[Attribution], cues: AttributionCues
) -> list[Attribution]:
    """ "…, indique le communiqué": a definite source noun with no entity of its own names
    the speaker of an earlier sentence where that noun appeared outside the speaker's phrase
    ("Dans un communiqué, le gouvernement britannique a déclaré …").
    """
    if not any(a.speaker is None and a.affiliation is None for a in found):
        return found
    resolved: list[Attribution] = []
    seen: dict[str, TokenMention] = {}
    for attribution in found:
        if attribution.speaker is None and attribution.affiliation is None:
            head = _source_head(doc, attribution)
            if head is not None and fold_lexeme(head.lemma_) in seen and _definite(head, cues):
                attribution = replace(
                    attribution, speaker=seen[fold_lexeme(head.lemma_)], inferred=True
                )
        if attribution.speaker is not None:
            sent = doc[attribution.cue].sent
            lo, hi = attribution.hole
            for t in sent:
                if (
                    t.pos_ == "NOUN"
                    and not lo <= t.idx < hi
                    and fold_lexeme(t.lemma_) not in cues.title_words
                ):
                    seen[fold_lexeme(t.lemma_)] = attribution.speaker
        resolved.append(attribution)
    return resolved


def _source_head(doc: Doc, attribution: Attribution) -> Token | None:
    span = doc.char_span(*attribution.hole, alignment_mode="expand")
    if span is None:
        return None
    root = span.root
    return root if root.pos_ == "NOUN" else None


def _definite(head: Token, cues: AttributionCues) -> bool:
    return any(
        c.dep_ == ud.DET and fold_lexeme(c.text) in cues.definite_determiners for c in head.children
    )
