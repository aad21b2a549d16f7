"""The domain model: typed, frozen classes with no I/O (the innermost layer)."""

from rekenschap.model.finance import (
    ColumnKind,
    DifferenceConvention,
    FinanceColumn,
    FinanceRow,
    FinanceTable,
    RowKind,
    SignConvention,
)
from rekenschap.model.indicators import (
    Benchmark,
    Claim,
    ClaimReference,
    DesiredDirection,
    Direction,
    Indicator,
    Observation,
    ObservationQualifier,
    Target,
)
from rekenschap.model.problem import Location, Problem, Severity, worst
from rekenschap.model.provenance import Provenance
from rekenschap.model.report import (
    SCHEMA_ID,
    Activity,
    ActivityStatus,
    Document,
    DocumentKind,
    Goal,
    Organisation,
    Programme,
    Quantity,
    Report,
    Section,
    VarianceExplanation,
    VarianceItem,
)
from rekenschap.model.units import MoneyUnit, Unit, UnitKind, parse_unit

__all__ = [
    "SCHEMA_ID", "Activity", "ActivityStatus", "Benchmark", "Claim", "ClaimReference", "ColumnKind",
    "DesiredDirection", "DifferenceConvention", "Direction", "Document", "DocumentKind",
    "FinanceColumn", "FinanceRow", "FinanceTable", "Goal", "Indicator", "Location", "MoneyUnit",
    "Observation", "ObservationQualifier", "Organisation", "Problem", "Programme", "Provenance",
    "Quantity", "Report", "RowKind", "Section", "Severity", "SignConvention", "Target", "Unit",
    "UnitKind", "VarianceExplanation", "VarianceItem", "parse_unit", "worst",
]
