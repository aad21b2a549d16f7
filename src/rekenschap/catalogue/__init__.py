"""The BBV catalogue: policy indicators, Iv3 taakvelden per year and local variance rules.

Package data under ``catalogue/data`` (sources cited in each file and in docs/catalogue.md),
read once per process.
"""

from rekenschap.catalogue.indicators import (
    CatalogueIndicator,
    Sighting,
    UnitPeriod,
    indicator,
    indicators,
    indicators_source,
    unit_for,
    units_for,
)
from rekenschap.catalogue.matching import match_indicator, normalise_name
from rekenschap.catalogue.taakvelden import (
    Categorie,
    Taakveld,
    categorieen,
    taakveld,
    taakvelden,
    taakvelden_source,
    years,
)
from rekenschap.catalogue.variance import VarianceRule, variance_rule, variance_rules

__all__ = [
    "CatalogueIndicator", "Categorie", "Sighting", "Taakveld", "UnitPeriod", "VarianceRule",
    "categorieen", "indicator", "indicators", "indicators_source", "match_indicator",
    "normalise_name", "taakveld", "taakvelden", "taakvelden_source", "unit_for", "units_for",
    "variance_rule", "variance_rules", "years",
]
