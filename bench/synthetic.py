"""A generator of large synthetic reports for benchmarks (shared with the publish benchmark).

``synthetic_report(programmes=40, indicators=400, goals=300, seed=0) -> Report`` builds a
deterministic jaarstukken report: programmes with deelprogramma's, finance tables in both sign
conventions (half Wassenaar-style with lasten negative and a Verschil column), variance
explanations, indicators with 2019-2024 values, claims and an n.n.b. here and there, and goals
with activities. Numbers are random but internally consistent (saldo, Verschil, reserves add up).
"""

from __future__ import annotations

import random
from decimal import Decimal

from rekenschap.model import (
    Activity,
    ActivityStatus,
    Claim,
    ClaimReference,
    ColumnKind,
    DifferenceConvention,
    Direction,
    Document,
    DocumentKind,
    FinanceColumn,
    FinanceRow,
    FinanceTable,
    Goal,
    Indicator,
    MoneyUnit,
    Observation,
    ObservationQualifier,
    Organisation,
    Programme,
    Report,
    RowKind,
    SignConvention,
    Unit,
    UnitKind,
    VarianceExplanation,
    VarianceItem,
)

__all__ = ["synthetic_report"]

_COLUMNS = (
    FinanceColumn(
        key="primair", kind=ColumnKind.ORIGINAL_BUDGET, label="Begroting primair", year=2024
    ),
    FinanceColumn(
        key="na_wijziging",
        kind=ColumnKind.AMENDED_BUDGET,
        label="Begroting na wijziging",
        year=2024,
    ),
    FinanceColumn(key="realisatie", kind=ColumnKind.ACTUAL, label="Realisatie", year=2024),
    FinanceColumn(key="verschil", kind=ColumnKind.DIFFERENCE, label="Verschil", year=2024),
)
_NAMES = (
    "Veiligheid",
    "Verkeer en vervoer",
    "Onderwijs",
    "Sport en cultuur",
    "Sociaal domein",
    "Volksgezondheid en milieu",
    "Wonen en bouwen",
    "Economie",
    "Bestuur",
    "Financiën",
)


def _finance(rng: random.Random, negative: bool) -> FinanceTable:
    lasten = [Decimal(rng.randint(1_000, 60_000))]
    lasten.append(lasten[0] + rng.randint(-2_000, 4_000))
    lasten.append(lasten[1] + rng.randint(-1_500, 1_500))
    baten = [Decimal(rng.randint(100, 20_000))]
    baten.append(baten[0] + rng.randint(-500, 2_000))
    baten.append(baten[1] + rng.randint(-800, 3_000))
    add = [Decimal(0), Decimal(rng.choice((0, 250, 610))), Decimal(0)]
    add[2] = add[1]
    wd = [Decimal(rng.choice((0, 500))), Decimal(rng.randint(0, 1_700)), Decimal(0)]
    wd[2] = wd[1] - rng.randint(0, int(wd[1]))
    sign = Decimal(-1) if negative else Decimal(1)
    rows: list[FinanceRow] = []

    def row(kind: RowKind, label: str, vals: list[Decimal], printed_sign: Decimal) -> None:
        printed = [v * printed_sign for v in vals]
        values: dict[str, Decimal | None] = dict(
            zip(("primair", "na_wijziging", "realisatie"), printed, strict=True)
        )
        if negative:
            values["verschil"] = printed[2] - printed[1]
        rows.append(FinanceRow(kind=kind, label=label, values=values))

    saldo = [b - la for b, la in zip(baten, lasten, strict=True)]
    mutations = [w - a for w, a in zip(wd, add, strict=True)]
    row(RowKind.BATEN, "Totaal baten", baten, Decimal(1))
    row(RowKind.LASTEN, "Totaal lasten", lasten, sign)
    row(RowKind.SALDO, "Saldo van baten en lasten", saldo, Decimal(1))
    row(RowKind.RESERVE_WITHDRAWAL, "Onttrekking reserves", wd, Decimal(1))
    row(RowKind.RESERVE_ADDITION, "Toevoeging reserves", add, sign)
    row(RowKind.RESERVE_MUTATIONS, "Mutaties reserves", mutations, Decimal(1))
    row(
        RowKind.RESULT,
        "Programma resultaat",
        [s + m for s, m in zip(saldo, mutations, strict=True)],
        Decimal(1),
    )
    return FinanceTable(
        title=None,
        sign_convention=SignConvention.LASTEN_NEGATIVE if negative else SignConvention.POSITIVE,
        difference_convention=DifferenceConvention.FAVOURABLE_POSITIVE if negative else None,
        columns=_COLUMNS if negative else _COLUMNS[:3],
        rows=tuple(rows),
    )


def _indicator(rng: random.Random, n: int) -> Indicator:
    value = Decimal(rng.randint(10, 200)) / 10
    observations = []
    for year in range(2019, 2025):
        if year == 2024 and rng.random() < 0.05:
            observations.append(
                Observation(
                    period="2024", qualifier=ObservationQualifier.NOT_YET_KNOWN, printed="n.n.b."
                )
            )
            continue
        observations.append(Observation(period=str(year), value=value, source="CBS"))
        value = max(Decimal("0.1"), value + Decimal(rng.randint(-15, 15)) / 10)
    claim = Claim(
        direction=rng.choice((Direction.UP, Direction.DOWN, Direction.FLAT)),
        reference=ClaimReference.BASELINE,
        against_period="2019",
        sentence=f"Indicator {n} t.o.v. peiljaar 2019 ...",
    )
    return Indicator(
        name=f"Indicator {n}",
        unit=Unit(kind=UnitKind.RATE, per=1000, population="inwoners", label="per 1.000 inwoners"),
        baseline_period="2019",
        observations=tuple(observations),
        claims=(claim,),
    )


def synthetic_report(
    programmes: int = 40, indicators: int = 400, goals: int = 300, seed: int = 0
) -> Report:
    """A deterministic large report; the same arguments always give the same report."""
    rng = random.Random(seed)
    progs: list[Programme] = []
    for p in range(programmes):
        my_inds = tuple(_indicator(rng, i) for i in range(indicators) if i % programmes == p)
        my_goals = tuple(
            Goal(
                title=f"Doel {g}: {rng.choice(_NAMES).lower()} verbeteren",
                activities=tuple(
                    Activity(
                        text=f"Activiteit {g}.{a}: {rng.randint(1, 90)} acties",
                        status=rng.choice(list(ActivityStatus)),
                    )
                    for a in range(rng.randint(1, 5))
                ),
            )
            for g in range(goals)
            if g % programmes == p
        )
        finance = _finance(rng, negative=p % 2 == 0)
        items = tuple(
            VarianceItem(
                title=f"Toelichting {k}",
                kind=rng.choice(("lasten", "baten")),
                amount=Decimal(rng.randint(10, 900) * 1000),
                text="Hogere lasten door ...",
            )
            for k in range(rng.randint(0, 3))
        )
        subs = tuple(
            Programme(
                code=f"{p + 1}.{s + 1}",
                name=f"Deelprogramma {p + 1}.{s + 1}",
                level="deelprogramma",
            )
            for s in range(p % 3)
        )
        progs.append(
            Programme(
                code=str(p + 1),
                name=f"{_NAMES[p % len(_NAMES)]} {p + 1}",
                goals=my_goals,
                finance=finance,
                indicators=my_inds,
                subprogrammes=subs,
                explanations=(VarianceExplanation(title="Toelichting op verschillen", items=items),)
                if items
                else (),
            )
        )
    return Report(
        organisation=Organisation(name="Gemeente Synthetisch", cbs_code="GM9999"),
        document=Document(kind=DocumentKind.JAARSTUKKEN, year=2024),
        unit=MoneyUnit(scale=1000, label="x € 1.000"),
        programmes=tuple(progs),
    )
