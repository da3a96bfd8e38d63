"""Attribution: who said a fact (``cues``: speakers, reporting verbs, quotes) and the facts
their words carry (``facts``)."""
