"""Small PDFs made with reportlab for the extraction tests (known text, positions, colours)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

WIDTH, HEIGHT = A4  # points


def finance_pdf(path: Path, pages: int = 1, password: str | None = None) -> Path:
    """A page with a heading, a shaded header bar, a two-column line and a finance row.

    Positions are given in top-left coordinates (like ``Page``); reportlab wants bottom-left.
    """
    encrypt = None
    if password is not None:
        from reportlab.lib.pdfencrypt import StandardEncryption  # type: ignore[import-untyped]

        encrypt = StandardEncryption(password, ownerPassword="eigenaar", canPrint=1)
    canvas = Canvas(str(path), pagesize=A4, encrypt=encrypt)
    for number in range(1, pages + 1):
        canvas.setFont("Helvetica-Bold", 16)
        canvas.drawString(72, HEIGHT - 100, "Wat heeft het gekost?")
        canvas.setFillColorRGB(0.82, 0.88, 0.53)
        canvas.rect(72, HEIGHT - 150, 400, 20, stroke=0, fill=1)
        canvas.setFillColorRGB(0, 0, 0)
        canvas.setFont("Helvetica", 10)
        canvas.drawString(72, HEIGHT - 200, "Wat wilden we bereiken?")
        canvas.drawString(320, HEIGHT - 200, "Wat hebben we gedaan?")
        canvas.drawString(72, HEIGHT - 230, "Totaal baten")
        canvas.drawRightString(400, HEIGHT - 230, "-148")
        canvas.drawRightString(480, HEIGHT - 230, "2.631")
        canvas.setLineWidth(0.5)
        canvas.line(72, HEIGHT - 235, 480, HEIGHT - 235)
        canvas.drawString(72, HEIGHT - 800, f"Pagina {number}")
        canvas.showPage()
    canvas.save()
    return path


def blank_pdf(path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=A4)
    canvas.showPage()
    canvas.save()
    return path


def rotated_pdf(path: Path) -> Path:
    """A page with /Rotate 90 (reportlab swaps the MediaBox to landscape, so it displays as
    portrait A4), its text drawn so that it reads upright when displayed.

    In the displayed (landscape) page the text starts at x=72 with its baseline at top=100.
    """
    canvas = Canvas(str(path), pagesize=A4)
    canvas.setPageRotation(90)
    canvas.saveState()
    canvas.translate(100, 72)  # user space: x = displayed top, y = displayed x
    canvas.rotate(90)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(0, 0, "Gedraaide pagina")
    canvas.restoreState()
    canvas.setFillColorRGB(0, 0, 1)
    canvas.rect(200, 300, 20, 100, stroke=0, fill=1)  # displayed: x 300..400, top 200..220
    canvas.showPage()
    canvas.save()
    return path


def ruled_table_pdf(path: Path) -> Path:
    """Page 2 holds a 3 x 3 ruled table (x 100-400, top 100-160) with known cells."""
    canvas = Canvas(str(path), pagesize=A4)
    canvas.drawString(72, HEIGHT - 72, "Inleiding zonder tabel")
    canvas.showPage()
    xs, tops = (100, 250, 325, 400), (100, 120, 140, 160)
    for x in xs:
        canvas.line(x, HEIGHT - tops[0], x, HEIGHT - tops[-1])
    for top in tops:
        canvas.line(xs[0], HEIGHT - top, xs[-1], HEIGHT - top)
    canvas.setFont("Helvetica", 9)
    rows = (("Programma", "Begroting", "Realisatie"), ("Totaal baten", "1.101", "2.483"),
            ("Totaal lasten", "-4.346", "-6.628"))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            canvas.drawString(xs[c] + 4, HEIGHT - tops[r] - 14, text)
    canvas.showPage()
    canvas.save()
    return path


def scaled_text_pdf(path: Path) -> Path:
    """8 pt text drawn under a 2x scale (16 pt on the page) and plain 8 pt text."""
    canvas = Canvas(str(path), pagesize=A4)
    canvas.saveState()
    canvas.scale(2, 2)
    canvas.setFont("Helvetica", 8)
    canvas.drawString(36, 300, "Groot kopje")
    canvas.restoreState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(72, 100, "klein")
    canvas.showPage()
    canvas.save()
    return path
