"""Syntax remembers each verb's subjects and voice per document, and forgets them on demand."""

from __future__ import annotations

from kg.nlp.relations.patterns import RelationPatterns
from kg.nlp.syntax import MentionIndex, Syntax


def test_subjects_and_voice_are_read_once_per_verb(fr_nlp) -> None:
    doc = fr_nlp("La convention a été ratifiée par le Portugal. Les ministres ont signé l'accord.")
    cues = RelationPatterns(lang="fr").syntax_cues
    syn = Syntax(MentionIndex(doc, []), **cues)
    verbs = [t for t in doc if t.pos_ == "VERB"]
    assert [t.text for t in verbs] == ["ratifiée", "signé"]
    for verb in verbs:
        first = syn.subjects(verb)
        first.append(verb)  # a caller may change its list: the remembered one is intact
        again = syn.subjects(verb)
        assert again == first[:-1]
        fresh = Syntax(MentionIndex(doc, []), **cues)
        assert again == fresh._read_subjects(verb)
        assert syn.passive(verb) == fresh._read_passive(verb)
    assert [t.text for t in syn.subjects(verbs[0])] == ["Portugal"]  # the agent
    assert [t.text for t in syn.subjects(verbs[1])] == ["ministres"]
    assert syn.passive(verbs[0]) and not syn.passive(verbs[1])
    syn.forget()
    assert not syn._subjects and not syn._passive
    assert [t.text for t in syn.subjects(verbs[0])] == ["Portugal"]
