"""Attribution: who said a fact. ``records`` holds the lexicon and the records (quotes,
attributions), ``cues`` finds reporting clauses and sources, ``facts`` turns them into the
attributes and ``said``/``reportedBy`` facts their words carry."""
