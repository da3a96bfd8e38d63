"""Entities: the gazetteer matcher (``kg_gazetteer``) and the linker (``kg_entities``).

``gazetteer`` matches known names; ``spans`` cleans and extends NER spans; ``nominals`` finds
events, coalitions, agreements and governments on the parse; ``names`` types and links names
within a document; ``linker`` is the spaCy component that puts them together (with
``ner_pieces``, its cuts of NER spans, and ``candidates``, its gazetteer links);
``acronyms`` and ``quoted`` read acronyms in parentheses and names in quotes.
"""
