"""Open data (open data): CBS crime indicators, Iv3 comparison of municipalities, filling reports.

Between checks and render: it may import model, catalogue, importers and checks; render, web and
cli may import it.
"""
