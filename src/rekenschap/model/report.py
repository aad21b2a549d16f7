"""The report (one P&C document) and its programmes, goals and activities."""

from __future__ import annotations

from enum import StrEnum
from typing import Final, Literal

from pydantic import Field

from rekenschap.model.base import Frozen, Number, Year
from rekenschap.model.finance import FinanceTable
from rekenschap.model.indicators import Indicator
from rekenschap.model.provenance import Provenance
from rekenschap.model.units import MoneyUnit

SCHEMA_ID: Final = "rekenschap/report@1"


class DocumentKind(StrEnum):
    BEGROTING = "begroting"                    # programme budget
    JAARSTUKKEN = "jaarstukken"                # annual report + accounts
    JAARVERSLAG = "jaarverslag"                # annual report
    VOORJAARSNOTA = "voorjaarsnota"            # spring memorandum (also kadernota)
    BESTUURSRAPPORTAGE = "bestuursrapportage"  # in-year report


class ActivityStatus(StrEnum):
    REALISED = "gerealiseerd"
    IN_PROGRESS = "loopt"
    DELAYED = "vertraagd"
    NOT_REALISED = "niet gerealiseerd"


class Quantity(Frozen):
    """A number the text mentions: "> 100 eigen onderzoeken" -> 100, ">", "eigen onderzoeken"."""

    value: Number
    comparator: str | None = None
    noun: str | None = None
    text: str


class Activity(Frozen):
    """What was (to be) done for a goal (activiteit / resultaat)."""

    text: str
    code: str | None = None
    status: ActivityStatus | None = None
    quantities: tuple[Quantity, ...] = ()
    provenance: Provenance | None = None


class Goal(Frozen):
    """What we want(ed) to achieve (doel / beoogd maatschappelijk effect)."""

    title: str
    code: str | None = None
    description: str | None = None
    activities: tuple[Activity, ...] = ()
    provenance: Provenance | None = None


class VarianceItem(Frozen):
    """One explained difference (toelichting op verschillen)."""

    title: str
    amount: Number | None = None
    unit: MoneyUnit | None = None
    """The scale of ``amount``; ``None`` means whole euros ("€ 40.000" is 40000), which is how
    explanations print amounts even when the finance table is in x € 1.000."""
    kind: Literal["lasten", "baten", "reserves", "other"] | None = None
    incidental: bool | None = None
    text: str | None = None
    provenance: Provenance | None = None

    def euros(self) -> Number | None:
        """``amount`` in whole euros, whatever its ``unit``."""
        if self.amount is None:
            return None
        return self.amount * (self.unit.scale if self.unit else 1)


class VarianceExplanation(Frozen):
    """A "Toelichting op verschillen" section: the threshold it applies and its items."""

    title: str | None = None
    threshold: Number | None = None
    items: tuple[VarianceItem, ...] = ()
    provenance: Provenance | None = None


class Section(Frozen):
    """Free narrative text under a heading."""

    heading: str
    text: str
    provenance: Provenance | None = None


class Programme(Frozen):
    """A programma or deelprogramma: the three W-questions for one policy area."""

    code: str | None = None
    name: str
    level: Literal["programma", "deelprogramma"] = "programma"
    goals: tuple[Goal, ...] = ()
    finance: FinanceTable | None = None
    indicators: tuple[Indicator, ...] = ()
    explanations: tuple[VarianceExplanation, ...] = ()
    sections: tuple[Section, ...] = ()
    taakvelden: tuple[str, ...] = ()
    taakveld_finance: FinanceTable | None = None
    """Baten and lasten per taakveld (overzicht per taakveld): a row per taakveld code/name,
    columns per budget or realisation and baten/lasten/saldo (e.g. ``actual_2023_lasten``)."""
    subprogrammes: tuple[Programme, ...] = ()
    provenance: Provenance | None = None

    def walk(self) -> list[Programme]:
        """This programme and all nested sub-programmes, depth first."""
        out = [self]
        for sub in self.subprogrammes:
            out.extend(sub.walk())
        return out


class Organisation(Frozen):
    name: str
    cbs_code: str | None = Field(default=None, pattern=r"^(GM|PV|WS)\d{4}$")


class Document(Frozen):
    kind: DocumentKind
    year: Year
    title: str | None = None
    period_end: Year | None = None
    """Last year of a multi-year budget ("begroting 2021-2024")."""


class Report(Frozen):
    """One P&C document as data. ``schema`` names the interchange format version."""

    schema_id: Literal["rekenschap/report@1"] = Field(default=SCHEMA_ID, alias="schema")
    organisation: Organisation
    document: Document
    unit: MoneyUnit = MoneyUnit()
    programmes: tuple[Programme, ...] = ()
    overview: FinanceTable | None = None
    """The overview of lasten and baten per programme (overzicht van baten en lasten /
    recapitulatie); its rows name their programme in ``FinanceRow.ref``."""
    provenance: Provenance | None = None

    def all_programmes(self) -> list[Programme]:
        """Every programme and deelprogramma, depth first."""
        return [p for top in self.programmes for p in top.walk()]


Programme.model_rebuild()
_ = Number  # re-exported for type users of this module
