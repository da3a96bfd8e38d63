"""Universal Dependencies relation labels, declared once.

Why constants: every component reads the parse through these labels, and a misspelt string
("nsub") silently matches nothing; a misspelt name fails at import. The labels are universal
(https://universaldependencies.org/u/dep/), with the French treebank's subtypes that
``fr_core_news_*`` produces; nothing here is specific to a language.
"""

from __future__ import annotations

__all__ = [
    "ACL",
    "ACL_RELCL",
    "ADVCL",
    "ADVMOD",
    "ADVMOD_NEG",
    "AMOD",
    "APPOS",
    "AUX",
    "AUX_PASS",
    "AUX_TENSE",
    "CASE",
    "CC",
    "CCOMP",
    "CONJ",
    "COP",
    "CSUBJ",
    "DEP",
    "DET",
    "EXPL",
    "EXPL_PASS",
    "EXPL_SUBJ",
    "FIXED",
    "FLAT",
    "FLAT_NAME",
    "IOBJ",
    "MARK",
    "NMOD",
    "NSUBJ",
    "NSUBJ_PASS",
    "NUMMOD",
    "OBJ",
    "OBL",
    "OBL_AGENT",
    "OBL_ARG",
    "OBL_MOD",
    "PARATAXIS",
    "PUNCT",
    "RELCL",
    "ROOT",
    "XCOMP",
]

ACL = "acl"
ACL_RELCL = "acl:relcl"
ADVCL = "advcl"
ADVMOD = "advmod"
ADVMOD_NEG = "advmod:neg"
AMOD = "amod"
APPOS = "appos"
AUX = "aux"
AUX_PASS = "aux:pass"
AUX_TENSE = "aux:tense"
CASE = "case"
CC = "cc"
CCOMP = "ccomp"
CONJ = "conj"
COP = "cop"
CSUBJ = "csubj"
DEP = "dep"
DET = "det"
EXPL = "expl"
EXPL_PASS = "expl:pass"
EXPL_SUBJ = "expl:subj"
FIXED = "fixed"
FLAT = "flat"
FLAT_NAME = "flat:name"
IOBJ = "iobj"
MARK = "mark"
NMOD = "nmod"
NSUBJ = "nsubj"
NSUBJ_PASS = "nsubj:pass"
NUMMOD = "nummod"
OBJ = "obj"
OBL = "obl"
OBL_AGENT = "obl:agent"
OBL_ARG = "obl:arg"
OBL_MOD = "obl:mod"
PARATAXIS = "parataxis"
PUNCT = "punct"
#: Not a UD label: spaCy's older name for a relative clause, which its French models emit.
RELCL = "relcl"
#: spaCy's label for the root of a sentence (UD writes ``root``).
ROOT = "ROOT"
XCOMP = "xcomp"
