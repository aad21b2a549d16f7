"""Policy indicators (beleidsindicatoren), their observations and the claims text makes."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from rekenschap.model.base import Frozen, Number
from rekenschap.model.provenance import Provenance
from rekenschap.model.units import Unit


class ObservationQualifier(StrEnum):
    PROVISIONAL = "voorlopig"
    NOT_YET_KNOWN = "n.n.b."
    NOT_APPLICABLE = "n.v.t."
    ESTIMATE = "raming"


class Observation(Frozen):
    """One value of an indicator for a period.

    ``period`` is ``None`` when the text gives a number without saying which period it is
    (e.g. "13.140 tegenover 13.044"); ``period_implicit`` marks a period the text implies
    but does not print (the report year in "-> 5,7 per 1000 inwoners ->").
    """

    period: str | None = Field(default=None, pattern=r"^\d{4}(-\d{4}|-Q[1-4]|-\d{2})?$")
    period_implicit: bool = False
    value: Number | None = None
    qualifier: ObservationQualifier | None = None
    printed: str | None = None
    """The value as printed, when it differs from the plain number ("5, 4")."""
    source: str | None = None
    reference_date: str | None = None
    provenance: Provenance | None = None


class Direction(StrEnum):
    UP = "up"            # gestegen, toegenomen
    DOWN = "down"        # gedaald, afgenomen
    FLAT = "flat"        # gelijk gebleven
    DOUBLED = "doubled"  # verdubbeld
    HALVED = "halved"    # gehalveerd


class ClaimReference(StrEnum):
    BASELINE = "baseline"  # t.o.v. peiljaar X
    PREVIOUS = "previous"  # t.o.v. vorig jaar
    PERIOD = "period"      # t.o.v. a named period ("t.o.v. 2023")


class Claim(Frozen):
    """What the text says an indicator did: "gedaald t.o.v. peiljaar 2019"."""

    direction: Direction
    reference: ClaimReference
    against_period: str | None = None
    subject_period: str | None = None
    sentence: str
    provenance: Provenance | None = None


class DesiredDirection(StrEnum):
    UP = "up"
    DOWN = "down"
    NONE = "none"  # "Geen; aantal is geen doel"


class Target(Frozen):
    """A target (streefwaarde) for one period; ``period`` ``None`` means unstated."""

    direction: DesiredDirection | None = None
    value: Number | None = None
    period: str | None = None
    provenance: Provenance | None = None


class Benchmark(Frozen):
    """A comparison value (vergelijkingswaarde) printed beside the municipality's own:
    "Nederland", a province or a size class (gemeenten 25.000-50.000 inwoners).

    ``region_code`` is the CBS region code when known (``NL01`` for Nederland).
    """

    region: str
    region_code: str | None = None
    observations: tuple[Observation, ...] = ()
    provenance: Provenance | None = None

    def value_for(self, period: str) -> Number | None:
        obs = next((o for o in self.observations if o.period == period), None)
        return obs.value if obs else None


class Indicator(Frozen):
    """An indicator as the document presents it; ``catalogue_id`` links the BBV basisset."""

    name: str
    unit: Unit | None = None
    source: str | None = None
    catalogue_id: str | None = None
    baseline_period: str | None = None
    target: Target | None = None
    """The target for the document's year (or the only one printed); see ``targets``."""
    targets: tuple[Target, ...] = ()
    """Every target printed, one per period (streefwaarden per jaar). When both are filled,
    ``target`` equals the entry of ``targets`` for the document's year."""
    observations: tuple[Observation, ...] = ()
    benchmarks: tuple[Benchmark, ...] = ()
    """Comparison values of other regions (Nederland, a province, a size class)."""
    claims: tuple[Claim, ...] = ()
    provenance: Provenance | None = None

    def target_for(self, period: str) -> Target | None:
        """The target for ``period``: from ``targets``, else ``target`` when its period matches."""
        found = next((t for t in self.targets if t.period == period), None)
        if found is None and self.target is not None and self.target.period == period:
            return self.target
        return found

    def value_for(self, period: str) -> Number | None:
        obs = next((o for o in self.observations if o.period == period), None)
        return obs.value if obs else None
