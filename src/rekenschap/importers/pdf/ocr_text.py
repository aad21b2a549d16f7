"""OCR reading errors corrected in one place (OCR-correctie), before structure recognition.

Tesseract confuses letters and digits that look alike: the programme code "P0" comes out as
"PO", and amounts such as "1.050" as "1.O50" or "l.050". This module corrects only those
confusions that are unambiguous by their shape in context, and reports every correction as a
problem naming file, page and line, so a reader can check it against the page:

- a programme code at the start of a line ("PO Bestuur", "Pl Veiligheid") -> ``PDF-OCR-CODE``
  (notice);
- a token that has the shape of a Dutch amount (digits in groups of three after a dot, an
  optional sign or brackets) in which letters O/o stand for 0 and l/I/| for 1 ->
  ``PDF-OCR-AMOUNT`` (warning: the amount is doubtful).

Nothing else is changed: a lost minus sign cannot be seen in the text, and no arithmetic is used
here to choose a reading; the finance table's own sums (:mod:`.consistency`) report what does not
add up.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from rekenschap.importers.pdf.layout import Line, Segment, join_segments
from rekenschap.importers.pdf.ocr_image import Glyph
from rekenschap.model import Location, Problem, Severity

__all__ = ["fix_amount", "fix_programme_code", "fix_sign_quotes", "full_height",
           "normalise_lines"]

_DIGIT_LIKE = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_CONFUSABLE = "OolI|"
_CODE = re.compile(r"^P([0-9OolI|]{1,2})(?=\s+[A-Z])")
_AMOUNT_SHAPE = re.compile(
    r"^([-\u2212\u2013\u2014]?\(?)([0-9OolI|]{1,3}(?:\.[0-9OolI|]{3})+|[0-9OolI|]{1,3})(\)?)$")


def fix_programme_code(text: str) -> str | None:
    """The line with its leading programme code corrected, or ``None`` when nothing changes.

    >>> fix_programme_code("PO Bestuur en ondersteuning")
    'P0 Bestuur en ondersteuning'
    >>> fix_programme_code("Pl Veiligheid"), fix_programme_code("P3 Wonen")
    ('P1 Veiligheid', None)
    """
    m = _CODE.match(text)
    if m is None or not any(c in _CONFUSABLE for c in m.group(1)):
        return None
    return "P" + m.group(1).translate(_DIGIT_LIKE) + text[m.end():]


def fix_amount(token: str) -> str | None:
    """The amount with look-alike letters read as digits, or ``None`` when it is not one.

    At least one real digit must be present, so words ("lo", "Il") are never touched.

    >>> fix_amount("1.O50"), fix_amount("-l.234"), fix_amount("(2.5l7)")
    ('1.050', '-1.234', '(2.517)')
    >>> fix_amount("1.050") is None, fix_amount("lol") is None, fix_amount("O") is None
    (True, True, True)
    """
    m = _AMOUNT_SHAPE.match(token)
    if m is None:
        return None
    body = m.group(2)
    if not any(c.isdigit() for c in body) or not any(c in _CONFUSABLE for c in body):
        return None
    digits = body.translate(_DIGIT_LIKE)
    if len(digits) > 1 and digits[0] == "0":
        return None  # "O0", "0l": no amount starts with a zero; not an amount reading
    return m.group(1) + digits + m.group(3)


_STAR_QUOTE = re.compile(r'\*(?=[-+]["\u201c\u201d*]\s*=)|(?<=["\u201c\u201d][-+])\*(?=\s*=)')


def fix_sign_quotes(text: str) -> str | None:
    """A sign note with asterisks read for its quotes repaired, or ``None`` when unchanged.

    >>> fix_sign_quotes('x € 1.000,- (*-" = nadeel / "+" = voordeel)')
    'x € 1.000,- ("-" = nadeel / "+" = voordeel)'
    >>> fix_sign_quotes('("-* = nadeel)'), fix_sign_quotes("3 * 4 = 12")
    ('("-" = nadeel)', None)
    """
    fixed = _STAR_QUOTE.sub('"', text)
    return None if fixed == text else fixed


_DESCENDERS = frozenset("gjpqy,;()[]{}|Qç")
_ASCENDERS = frozenset("bdfhiklt!?/'\"()[]{}|%&€#@éëèïöüäá")
#: box height of a word without descenders (or without ascenders and capitals), and of one
#: with neither, relative to a word with both; measured on jaarstukken-2019 (Verdana): headings
#: p45 "P2 Verkeer en vervoer" 9.4 pt / p23 "P0 Bestuur en ondersteuning" 11.5 pt = 0.82.
_BUCKET = 10.0  # points: glyphs grouped by baseline for the segment look-up
_ONE_SIDE = 0.8
_X_ONLY = 0.58


def full_height(text: str, height: float) -> float:
    """The box height ``height`` of ``text`` scaled to that of a word with ascenders and
    descenders (a letter-independent measure of its font size).

    >>> full_height("Bestuur en ondersteuning", 11.5), full_height("P2 Verkeer en vervoer", 9.4)
    (11.5, 11.75)
    >>> full_height("een", 5.8), full_height("-", 1.0)
    (10.0, 1.0)
    """
    up = any(c.isupper() or c.isdigit() or c in _ASCENDERS for c in text)
    down = any(c in _DESCENDERS for c in text)
    if up and down:
        return height
    if up or down:
        return round(height / _ONE_SIDE, 2)
    if any(c.isalpha() for c in text):
        return round(height / _X_ONLY, 2)
    return height  # punctuation only: leave it


def _problem(code: str, severity: Severity, message: str, file: str, page: int,
             line: int) -> Problem:
    return Problem(code=code, severity=severity, message=message,
                   location=Location(file=file, page=page, line=line))


def _segment(seg: Segment, file: str, page: int, line: int,
             problems: list[Problem]) -> Segment:
    quoted = fix_sign_quotes(seg.text)
    if quoted is not None:
        problems.append(_problem(
            "PDF-OCR-QUOTE", Severity.NOTICE,
            f"OCR read {seg.text!r}; the asterisks beside the sign are taken as quotes",
            file, page, line))
        seg = replace(seg, text=quoted)
    tokens = seg.text.split(" ")
    changed = False
    for i, token in enumerate(tokens):
        fixed = fix_amount(token)
        if fixed is not None:
            problems.append(_problem(
                "PDF-OCR-AMOUNT", Severity.WARNING,
                f"OCR read {token!r}; taken as {fixed!r} (letters that look like digits); "
                f"check this amount against the page", file, page, line))
            tokens[i] = fixed
            changed = True
    return replace(seg, text=" ".join(tokens)) if changed else seg


def _printed_size(seg: Segment, glyphs: dict[int, list[Glyph]]) -> float | None:
    """The most common font size of the text-layer glyphs whose origin lies in ``seg``."""
    sizes: Counter[float] = Counter()
    for bucket in range(int(seg.top // _BUCKET), int(seg.bottom // _BUCKET) + 1):
        for x, y, size in glyphs.get(bucket, ()):
            if seg.x0 - 1 <= x <= seg.x1 and seg.top - 1 <= y <= seg.bottom + 1:
                sizes[size] += 1
    return sizes.most_common(1)[0][0] if sizes else None


_COMMA_THOUSANDS = re.compile(r"^([-\u2212\u2013]?\(?\d{1,3}),(\d{3}\)?)$")
_WHOLE = re.compile(r"^[-\u2212\u2013]?\(?\d{1,3}(?:\.\d{3})*\)?$")


def _comma_thousands(segments: list[Segment], file: str, page: int, line: int,
                     problems: list[Problem]) -> list[Segment]:
    """Segments with "-4,179" read as "-4.179" when every other amount of the line is whole."""
    tokens = [t for seg in segments for t in seg.text.split(" ")]
    suspects = [t for t in tokens if _COMMA_THOUSANDS.match(t)]
    whole = [t for t in tokens if _WHOLE.match(t)]
    decimal = [t for t in tokens if re.match(r"^-?\d+,\d+$", t) and t not in suspects]
    if not suspects or len(whole) < 2 or decimal:
        return segments
    out: list[Segment] = []
    for seg in segments:
        words = seg.text.split(" ")
        for i, word in enumerate(words):
            if _COMMA_THOUSANDS.match(word):
                fixed = _COMMA_THOUSANDS.sub(r"\1.\2", word)
                problems.append(_problem(
                    "PDF-OCR-AMOUNT", Severity.WARNING,
                    f"OCR read {word!r} among whole amounts; taken as {fixed!r} (a comma for the "
                    f"thousands dot); check this amount against the page", file, page, line))
                words[i] = fixed
        text = " ".join(words)
        out.append(seg if text == seg.text else replace(seg, text=text))
    return out


def _sized(seg: Segment, glyphs: dict[int, list[Glyph]]) -> Segment:
    size = _printed_size(seg, glyphs) if glyphs else None
    if size is None:
        size = full_height(seg.text, seg.size)
    return seg if size == seg.size else replace(seg, size=size)


def normalise_lines(lines: tuple[Line, ...], *, file: str, page: int,
                    glyphs: Sequence[Glyph] = ()) -> tuple[tuple[Line, ...], list[Problem]]:
    """The OCR lines of one page with code and amount confusions corrected, and the problems.

    ``glyphs`` (from the page's unusable text layer) give each segment its printed font size;
    without them the size is estimated from the box height (:func:`full_height`).
    """
    problems: list[Problem] = []
    out: list[Line] = []
    by_row: dict[int, list[Glyph]] = {}
    for glyph in glyphs:
        by_row.setdefault(int(glyph[1] // _BUCKET), []).append(glyph)
    for number, line in enumerate(lines, 1):
        segments = [_segment(seg, file, page, number, problems) for seg in line.segments]
        segments = _comma_thousands(segments, file, page, number, problems)
        segments = [_sized(seg, by_row) for seg in segments]
        if segments:
            code = fix_programme_code(segments[0].text)
            if code is not None:
                problems.append(_problem(
                    "PDF-OCR-CODE", Severity.NOTICE,
                    f"OCR read the programme code as {segments[0].text.split()[0]!r}; taken as "
                    f"{code.split()[0]!r}", file, page, number))
                segments[0] = replace(segments[0], text=code)
        if all(a is b for a, b in zip(segments, line.segments, strict=True)):
            out.append(line)
        else:
            out.append(replace(line, text=join_segments(segments), segments=tuple(segments)))
    return tuple(out), problems
