"""kg's spaCy stage: components that read French text into plain records."""
