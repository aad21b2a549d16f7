"""Finance tables (Wat heeft het gekost? / Wat mag het kosten?) with exact amounts."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field, model_validator

from rekenschap.model.base import Frozen, Number, Year
from rekenschap.model.provenance import Provenance
from rekenschap.model.units import MoneyUnit


class ColumnKind(StrEnum):
    """What a finance column holds (BBV art. 27 lid 2 for the annual report)."""

    ORIGINAL_BUDGET = "original_budget"    # primitieve begroting / begroting primair
    AMENDED_BUDGET = "amended_budget"      # begroting na wijziging / actuele begroting
    ACTUAL = "actual"                      # realisatie / rekening
    DIFFERENCE = "difference"              # verschil
    PRIOR_ACTUAL = "prior_actual"          # rekening / realisatie of an earlier year
    PRIOR_BUDGET = "prior_budget"          # begroting of an earlier year
    BUDGET = "budget"                      # begroting of the document's year (in a begroting)
    ESTIMATE = "estimate"                  # meerjarenraming t+1..t+3
    OTHER = "other"


class RowKind(StrEnum):
    """What a finance row holds."""

    LASTEN = "lasten"                          # expenditure
    BATEN = "baten"                            # income
    SALDO = "saldo"                            # saldo van baten en lasten
    RESERVE_ADDITION = "reserve_addition"      # toevoeging aan reserves
    RESERVE_WITHDRAWAL = "reserve_withdrawal"  # onttrekking aan reserves
    RESERVE_MUTATIONS = "reserve_mutations"    # mutaties reserves (saldo)
    RESULT = "result"                          # resultaat
    OTHER = "other"


class SignConvention(StrEnum):
    """How a table prints signs."""

    POSITIVE = "positive"                # lasten and baten both printed positive (Groningen)
    LASTEN_NEGATIVE = "lasten_negative"  # lasten printed negative, '"-" = nadeel' (Wassenaar)


class DifferenceConvention(StrEnum):
    """How the Verschil column is computed, as the document states or as inferred."""

    ACTUAL_MINUS_AMENDED = "actual_minus_amended"
    AMENDED_MINUS_ACTUAL = "amended_minus_actual"
    FAVOURABLE_POSITIVE = "favourable_positive"   # "+" = voordeel, "-" = nadeel


class FinanceColumn(Frozen):
    """A column as printed; ``key`` is how rows refer to it."""

    key: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    kind: ColumnKind
    label: str
    year: Year | None = None


class FinanceRow(Frozen):
    """A labelled row; ``values`` maps column keys to exact amounts.

    ``None`` means the cell was printed blank or as "-".
    """

    kind: RowKind
    label: str
    values: dict[str, Number | None]
    ref: str | None = None
    """The programme code this row stands for, in an overview of all programmes
    (overzicht van baten en lasten / recapitulatie); ``None`` elsewhere."""
    provenance: Provenance | None = None


class FinanceTable(Frozen):
    """One finance table with amounts in ``unit`` (``None``: the report's unit applies)."""

    title: str | None = None
    unit: MoneyUnit | None = None
    sign_convention: SignConvention = SignConvention.POSITIVE
    difference_convention: DifferenceConvention | None = None
    sign_note: str | None = None
    """The sign statement as printed, e.g. '"-" = nadeel / "+" = voordeel'."""
    columns: tuple[FinanceColumn, ...]
    rows: tuple[FinanceRow, ...] = ()
    provenance: Provenance | None = None

    @model_validator(mode="after")
    def _keys_consistent(self) -> FinanceTable:
        keys = [c.key for c in self.columns]
        if len(set(keys)) != len(keys):
            raise ValueError(f"duplicate column keys: {keys}")
        known = set(keys)
        for i, row in enumerate(self.rows):
            unknown = set(row.values) - known
            if unknown:
                raise ValueError(
                    f"rows[{i}] ({row.label!r}) uses unknown column(s) {sorted(unknown)}; "
                    f"columns are {keys}")
        return self

    def column(self, kind: ColumnKind) -> FinanceColumn | None:
        """The first column of ``kind``."""
        return next((c for c in self.columns if c.kind is kind), None)

    def row(self, kind: RowKind) -> FinanceRow | None:
        """The first row of ``kind``."""
        return next((r for r in self.rows if r.kind is kind), None)

    def value(self, row: RowKind, column: ColumnKind) -> Number | None:
        r, c = self.row(row), self.column(column)
        if r is None or c is None:
            return None
        return r.values.get(c.key)
