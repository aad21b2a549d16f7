"""Line grouping and segment joining on hand-made geometry."""

from __future__ import annotations

from rekenschap.importers.pdf.layout import Rect, Segment, TextQuality, group_lines, join_segments


def seg(text: str, x0: float, top: float, width: float = 40, size: float = 10) -> Segment:
    return Segment(text, x0, top, x0 + width, top + size, size)


def test_segments_on_one_band_form_one_line_left_to_right() -> None:
    lines = group_lines([seg("rechts", 300, 100.5), seg("links", 72, 100), seg("onder", 72, 120)])
    assert [ln.text for ln in lines] == ["links rechts", "onder"]
    first = lines[0]
    assert [s.text for s in first.segments] == ["links", "rechts"]
    assert (first.x0, first.x1) == (72, 340)
    assert first.top == 100 and first.bottom == 110.5


def test_touching_segments_join_without_space() -> None:
    a = Segment("Oekra", 72, 100, 100, 110, 10)
    b = Segment("ïne", 100.2, 100, 115, 110, 10)
    c = Segment("2023", 140, 100, 160, 110, 10)
    assert join_segments([a, b, c]) == "Oekraïne 2023"


def test_lines_are_sorted_top_to_bottom_whatever_the_input_order() -> None:
    lines = group_lines([seg("c", 72, 300), seg("a", 72, 100), seg("b", 72, 200)])
    assert [ln.text for ln in lines] == ["a", "b", "c"]


def test_empty_input_gives_no_lines() -> None:
    assert group_lines([]) == ()


def test_rect_size_and_quality_defaults() -> None:
    rect = Rect(10, 20, 110, 23, "#d1e088")
    assert (rect.width, rect.height) == (100, 3)
    assert TextQuality().usable and not TextQuality("no-text", 0.0, "scan").usable
