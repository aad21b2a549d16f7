"""The debug image: a valid PNG of the rendered page with the extraction drawn on it."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from tests.importers_pdf_core.pdfgen import finance_pdf
from typer.testing import CliRunner

from rekenschap.cli import app
from rekenschap.importers.pdf.debug import BLUE, RED, png_bytes


def _decode(data: bytes) -> tuple[int, int, bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    idat_len = struct.unpack(">I", data[33:37])[0]
    assert data[37:41] == b"IDAT"
    return width, height, zlib.decompress(data[41 : 41 + idat_len])


def test_png_bytes_round_trip() -> None:
    rgb = bytes([10, 20, 30, 40, 50, 60, 0, 0]) + bytes([70, 80, 90, 100, 110, 120, 0, 0])
    width, height, rows = _decode(png_bytes(2, 2, 8, rgb))
    assert (width, height) == (2, 2)
    assert rows == b"\x00" + rgb[:6] + b"\x00" + rgb[8:14]


def test_cli_draws_segments_and_shapes(tmp_path: Path) -> None:
    pdf = finance_pdf(tmp_path / "f.pdf")
    target = tmp_path / "p1.png"
    result = CliRunner().invoke(app, ["pdf-debug", str(pdf), "--page", "1", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "4 line(s), 2 shape(s)" in result.output
    width, height, rows = _decode(target.read_bytes())
    assert (width, height) == (round(595.28 * 1.5), round(841.89 * 1.5))
    stride = width * 3 + 1  # each row starts with its filter byte
    pixels = {rows[y * stride + 1 + 3 * x : y * stride + 4 + 3 * x]
              for y in range(height) for x in range(width)}
    assert bytes(BLUE) in pixels and bytes(RED) in pixels


def test_cli_bad_page_exits_1(tmp_path: Path) -> None:
    pdf = finance_pdf(tmp_path / "f.pdf")
    result = CliRunner().invoke(app, ["pdf-debug", str(pdf), "-p", "5", "-o",
                                      str(tmp_path / "x.png")])
    assert result.exit_code == 1 and "IMPORT-NO-SUCH-PAGE" in result.output
