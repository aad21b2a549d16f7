"""Property tests: damaged PDFs and odd texts never make extraction raise."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.importers_pdf_core.pdfgen import finance_pdf

from rekenschap.importers.pdf.extract import extract_pages
from rekenschap.importers.pdf.layout import Segment, group_lines
from rekenschap.importers.pdf.quality import assess


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return finance_pdf(tmp_path_factory.mktemp("fuzz") / "f.pdf", pages=2).read_bytes()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=1, max_size=8)),
                      min_size=1, max_size=6),
       cut=st.floats(0.05, 1.0))
def test_damaged_pdf_never_raises(original: bytes, tmp_path: Path,
                                  edits: list[tuple[float, bytes]], cut: float) -> None:
    data = bytearray(original[: max(16, int(len(original) * cut))])
    for where, junk in edits:
        at = int(where * (len(data) - 1))
        data[at : at + len(junk)] = junk
    path = tmp_path / "kapot.pdf"
    path.write_bytes(bytes(data))
    pages, problems = extract_pages(path)
    for page in pages:
        assert page.quality.usable or page.lines == ()
        assert all(line.text.isprintable() or any(ord(c) >= 0xE000 for c in line.text)
                   for line in page.lines)
    assert pages or problems


@given(st.text())
def test_assess_never_raises_and_scores_in_range(text: str) -> None:
    verdict = assess(text, image_cover=0.5, unmapped_share=None)
    assert 0.0 <= verdict.score <= 1.0
    assert verdict.status in {"ok", "no-text", "unmapped-fonts", "garbled"}


boxes = st.tuples(st.floats(0, 800), st.floats(0, 800), st.floats(0.1, 200), st.floats(1, 30))


@given(st.lists(boxes, max_size=40))
def test_group_lines_keeps_every_segment_once(raw_boxes: list[tuple[float, ...]]) -> None:
    segments = [Segment(f"s{i}", x, top, x + w, top + h, h)
                for i, (x, top, w, h) in enumerate(raw_boxes)]
    lines = group_lines(segments)
    kept = [s for line in lines for s in line.segments]
    assert sorted(s.text for s in kept) == sorted(s.text for s in segments)
    tops = [line.top for line in lines]
    assert tops == sorted(tops)
    for line in lines:
        xs = [s.x0 for s in line.segments]
        assert xs == sorted(xs)
