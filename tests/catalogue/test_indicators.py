"""The indicator catalogue: fixed ids, the basisset's numbers, units by year, honest gaps."""

from __future__ import annotations

import pytest

from rekenschap import catalogue
from rekenschap.model import UnitKind, parse_unit

FIXED_IDS = ["verwijzingen-halt", "winkeldiefstallen", "geweldsmisdrijven",
             "diefstallen-uit-woning", "vernielingen-en-beschadigingen"]


def test_fixed_ids_exist_with_their_numbers() -> None:
    numbers = {i: catalogue.indicator(i).number for i in FIXED_IDS}  # type: ignore[union-attr]
    assert numbers == {"verwijzingen-halt": 6, "winkeldiefstallen": 8, "geweldsmisdrijven": 9,
                       "diefstallen-uit-woning": 10, "vernielingen-en-beschadigingen": 11}


def test_all_39_numbers_once_in_order() -> None:
    items = catalogue.indicators()
    assert [i.number for i in items] == list(range(1, 40))
    assert len({i.id for i in items}) == 39
    assert catalogue.indicator("no-such-indicator") is None


def test_taakvelden_and_iv3_codes() -> None:
    by_number = {i.number: i for i in catalogue.indicators()}
    assert [by_number[n].iv3_code for n in range(1, 6)] == ["bi.1", "bi.2", "bi.3", "bi.4", "bi.5"]
    assert {by_number[n].taakveld for n in range(6, 12)} == {"1"}
    assert by_number[35].taakveld == "8"


def test_every_indicator_cites_something() -> None:
    for item in catalogue.indicators():
        assert item.source or item.note, item.id
        assert item.units or item.note, f"{item.id}: no unit and no note saying why"
    assert "BWBR0037783" in catalogue.indicators_source()


def test_crime_units_are_per_1000_inhabitants() -> None:
    for indicator_id in FIXED_IDS[1:]:
        unit = catalogue.unit_for(indicator_id, 2024)
        assert unit is not None
        assert (unit.kind, unit.per, unit.population) == (UnitKind.RATE, 1000, "inwoners")


def test_halt_unit_history_is_ambiguous_where_the_year_is_unknown() -> None:
    units = catalogue.units_for("verwijzingen-halt", 2024)
    assert sorted(u.per or 0 for u in units) == [1000, 10000]
    assert all(u.population == "jongeren 12-17 jaar" for u in units)
    assert catalogue.unit_for("verwijzingen-halt", 2024) is None  # ambiguous, not guessed
    halt = catalogue.indicator("verwijzingen-halt")
    assert halt is not None
    assert all(p.note and "not in our sources" in p.note for p in halt.units)
    assert any("1.000 jongeren" in s.printed for s in halt.seen)


def test_removed_indicator() -> None:
    harde_kern = catalogue.indicator("harde-kern-jongeren")
    assert harde_kern is not None and harde_kern.removed_from == 2018
    assert catalogue.unit_for("harde-kern-jongeren", 2017) is not None
    assert catalogue.unit_for("harde-kern-jongeren", 2018) is None
    assert harde_kern not in catalogue.indicators(2018)
    assert harde_kern in catalogue.indicators(2017)


def test_removed_in_an_unknown_year_stays_listed_but_marked() -> None:
    removed = {i.id for i in catalogue.indicators() if i.removed}
    assert removed == {"harde-kern-jongeren", "verkeersongevallen-ziekenhuisopname",
                       "verkeersongevallen-fietser", "bruto-gemeentelijk-product",
                       "achterstandsleerlingen"}
    unknown_year = [i for i in catalogue.indicators(2024) if i.removed]
    assert {i.id for i in unknown_year} == removed - {"harde-kern-jongeren"}
    assert all(i.note and "not in our sources" in i.note for i in unknown_year)


def test_variants_are_separate_from_history() -> None:
    bijstand = catalogue.indicator("personen-met-bijstandsuitkering")
    assert bijstand is not None
    assert catalogue.unit_for(bijstand.id, 2024).per == 10000  # type: ignore[union-attr]
    assert [v.unit.per for v in bijstand.unit_variants] == [1000]


@pytest.mark.parametrize("item", catalogue.indicators(), ids=lambda i: i.id)
def test_rate_labels_agree_with_the_model_unit_parser(item: catalogue.CatalogueIndicator) -> None:
    """A rate's printed label, read by the model's own parser, gives the same 'per'."""
    for period in item.units:
        unit = period.unit
        if unit.kind is UnitKind.RATE and unit.per and unit.per > 1 and unit.label:
            assert parse_unit(unit.label).per == unit.per, unit.label
