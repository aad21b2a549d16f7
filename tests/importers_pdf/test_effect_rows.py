"""Effect-indicator rows: which name lines go with which values (hand-made lines)."""

from __future__ import annotations

from decimal import Decimal

from tests.importers_pdf.flowlines import flow_line

from rekenschap.importers.pdf.effects import find_effect_indicators

TITLE = flow_line(1, 100, ("Tabel 2.1 - Effectindicatoren P2 Mens en Maatschappij", 71, 344))
SOURCE = flow_line(2, 130, ("Bron peilwaarde: CBS", 71, 170))
HEADERS = [
    flow_line(3, 145, ("Streefwaarde", 279, 338), ("Streefwaarde", 349, 408)),
    flow_line(4, 156, ("Effectindicator", 72, 136), ("Peilwaarde", 215, 262),
              ("2025 (%)", 287, 330), ("2026 (%)", 357, 400)),
]


def _values(base: str, a: str, b: str) -> list[tuple[str, float, float]]:
    return [(base, 220, 262), (a, 300, 315), (b, 370, 385)]


def test_bottom_aligned_rows_take_the_name_lines_above_their_values() -> None:
    lines = [TITLE, SOURCE, *HEADERS,
             flow_line(5, 185, ("% inwoners met", 71, 145)),
             flow_line(6, 196, ("schuldenproblematiek", 71, 170),
                       *_values("6,9 (2023)", "5,9", "5,9")),
             flow_line(7, 210, ("Aantal inwoners met", 71, 164)),
             flow_line(8, 221, ("bijstandsuitkering (per", 72, 174)),
             flow_line(9, 232, ("1.000 inw)*", 72, 125), *_values("13,9 (2023)", "13,8", "13,7")),
             flow_line(10, 246, ("% eenzaamheid***", 71, 150), *_values("51,1 (2022)", "47", "46")),
             flow_line(11, 275, ("* Aantal uitkeringen aan huishoudens", 72, 389))]
    found, problems = find_effect_indicators(lines, year=2025, file="b.pdf", path="p[1]")
    assert [i.name for i in found] == [
        "% inwoners met schuldenproblematiek",
        "Aantal inwoners met bijstandsuitkering (per 1.000 inw)*", "% eenzaamheid***"]
    assert [i.unit.label if i.unit else None for i in found] == ["%", "per 1.000 inw", "%"]
    assert [i.source for i in found] == ["CBS"] * 3
    assert [(o.period, o.value, o.source) for o in found[1].observations] == [
        ("2023", Decimal("13.9"), "CBS")]
    assert [(t.period, t.value) for t in found[1].targets] == [
        ("2025", Decimal("13.8")), ("2026", Decimal("13.7"))]
    assert problems == []


def test_centred_rows_keep_the_wrapped_line_below_their_values() -> None:
    lines = [TITLE, *HEADERS,
             flow_line(5, 185, ("Aantal inwoners met", 71, 164)),
             flow_line(6, 196, ("bijstandsuitkering", 72, 151),
                       *_values("27,1 (2021)", "25", "24")),
             flow_line(7, 207, ("inwoners", 72, 111)),
             flow_line(8, 221, ("% jongeren tot 18 jaar met", 71, 196)),
             flow_line(9, 232, ("jeugdhulp", 71, 115), *_values("8,8% (2022)", "8,6%", "8,5%"))]
    found, _ = find_effect_indicators(lines, year=2025, file="b.pdf", path="p[1]")
    assert [i.name for i in found] == ["Aantal inwoners met bijstandsuitkering inwoners",
                                       "% jongeren tot 18 jaar met jeugdhulp"]


def test_a_capitalised_wrapped_line_before_the_values_stays_with_its_row() -> None:
    """ "Rekening-courant verhouding met het" / "Rijk blijft ... € 30,4 mln": "Rijk" starts with
    a capital but has no values of its own above it, so it does not start a new indicator."""
    lines = [TITLE, *HEADERS,
             flow_line(5, 185, ("Rekening-courant verhouding met het", 72, 205)),
             flow_line(6, 196, ("Rijk blijft tot 2026 positief", 72, 176),
                       *_values("€ 30,4 mln", "€ 13,8 mln", "€ 7,5 mln"))]
    found, _ = find_effect_indicators(lines, year=2025, file="b.pdf", path="p[1]")
    assert [i.name for i in found] == [
        "Rekening-courant verhouding met het Rijk blijft tot 2026 positief"]
    assert found[0].target is not None and found[0].target.value == Decimal("13.8")


def test_a_footnote_beside_a_lone_star_ends_the_table() -> None:
    lines = [TITLE, *HEADERS,
             flow_line(5, 185, ("Overhead", 72, 120), *_values("9 (2024)", "8", "7")),
             flow_line(6, 199, ("De benoemde effectindicator kijkt tot 2026", 80, 300)),
             flow_line(7, 199, ("*", 72, 76))]
    found, _ = find_effect_indicators(lines, year=2025, file="b.pdf", path="p[1]")
    assert [i.name for i in found] == ["Overhead"]
    assert [o.printed for o in found[0].observations] == [None]
