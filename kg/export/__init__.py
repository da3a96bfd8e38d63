"""Exporters: RDF (rdf.py), HTML network, tables; each a to_X / write_X pair."""
