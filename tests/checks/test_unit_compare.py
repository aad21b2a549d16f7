"""Unit wording as printed in Wassenaar's jaarstukken 2023 (p. 86) against the BBV catalogue."""

from __future__ import annotations

import pytest

from rekenschap.catalogue import units_for
from rekenschap.checks.unit_compare import differences
from rekenschap.model import parse_unit

AGREE = [  # (catalogue id, unit as printed on p. 86)
    ("verwijzingen-halt", "Aantal per 1.000 jongeren"),
    ("winkeldiefstallen", "Aantal per 1.000 inwoners"),
    ("vernielingen-en-beschadigingen", "Aantal per 1.000 inwoners"),
    ("banen", "Aantal per 1.000 inwoners in de leeftijd 15 – 64 jaar"),
    ("jongeren-met-delict", "% 12 t/m 21-jarigen"),
    ("jongeren-met-jeugdreclassering", "% van alle jongeren van 12 tot 23 jaar"),
    ("netto-arbeidsparticipatie",
     "% van de werkzame beroepsbevolking t.o.v. de. totale beroepsbevolking"),
    ("niet-sporters", "%"),
    ("omvang-huishoudelijk-restafval", "Kg/inwoner"),
    ("woonlasten-eenpersoonshuishouden", "In Euro’s"),
]
DIFFER = [  # (catalogue id, printed, what differs)
    ("verwijzingen-halt", "per 1000 inwoners", "population 'inwoner' instead of 'jongere'"),
    ("lopende-reintegratievoorzieningen", "Aantal per 1.000 inwoners",
     "per 1.000 instead of per 10.000"),
    ("vestigingen-van-bedrijven", "Aantal per 1.000 inwoners in de leeftijd 15 t/m 65 jaar",
     "ages 15-65 instead of 15-64"),
    ("personen-met-bijstandsuitkering", "Aantal huishoudens in NL", "not a rate"),
]


def _ids() -> set[str]:
    from rekenschap.catalogue import indicators

    return {i.id for i in indicators()}


@pytest.mark.parametrize(("cid", "printed"), AGREE)
def test_wordings_that_mean_the_bbv_unit(cid: str, printed: str) -> None:
    if cid not in _ids():
        pytest.skip(f"catalogue has no {cid}")
    units = units_for(cid, 2023)
    assert units, cid
    assert any(differences(parse_unit(printed), u) == [] for u in units), (printed, units)


@pytest.mark.parametrize(("cid", "printed", "what"), DIFFER)
def test_units_that_measure_something_else(cid: str, printed: str, what: str) -> None:
    if cid not in _ids():
        pytest.skip(f"catalogue has no {cid}")
    units = units_for(cid, 2023)
    assert units, cid
    for unit in units:
        assert any(what in d for d in differences(parse_unit(printed), unit)), (unit, printed)
