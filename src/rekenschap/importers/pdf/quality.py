"""Is a page's text layer usable (bruikbare tekstlaag)? Measurable signals, no guessing.

Three failure modes are recognised:

* ``no-text``: no characters at all while an image covers much of the page (an image-only scan);
* ``unmapped-fonts``: fonts without a Unicode mapping, so the extractor returns glyph ids as
  control characters or private-use code points (pdfium also flags them per character);
* ``garbled``: characters that are letters, but hardly any word is a common Dutch or English
  word (a font whose mapping points at the wrong letters).

A blank page (no characters, no large image) is ``ok``: there is simply nothing on it.
"""

from __future__ import annotations

import re

from rekenschap.importers.pdf.layout import TextQuality

#: Very common Dutch (and some English) function words; P&C documents are full of them.
COMMON_WORDS = frozenset(
    """
    de het een en van in op te voor met is aan door bij als dat die dit er naar om ook of uit
    over tot zijn worden wordt werd zal zullen kan kunnen heeft hebben had niet nog meer maar
    we wij ze zij hun onze ons deze deze wat wie hoe waar wanneer per jaar gemeente programma
    totaal lasten baten saldo begroting realisatie verschil reserves toelichting taakveld
    the of and to for on with by from
    """.split()  # noqa: SIM905 (a word list reads better as text)
)

_WORD = re.compile(r"[^\W\d_]{2,}")
_IMAGE_COVER_SCAN = 0.3  # share of the page an image must cover to call a text-less page a scan
_BAD_SHARE_LIMIT = 0.2  # share of unmapped/control/private-use characters that condemns a page
_MIN_WORDS_FOR_GARBLE = 30
_COMMON_SHARE_LIMIT = 0.03


# control characters (but not CR, LF, tab and pdfium's hyphen marker U+0002), C1 controls,
# the private-use area and replacement/non-characters (U+FFFE is pdfium's soft-hyphen marker)
_BAD = re.compile("[\x00\x01\x03-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd\uffff]")
# real spacing only: Python's \s would also take the control codes U+001C-U+001F and U+0085
_SPACE = re.compile("[ \t\r\n\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def bad_char_share(text: str) -> float:
    """Share of non-space characters that are control, private-use or replacement characters."""
    visible = len(text) - len(_SPACE.findall(text))
    if visible <= 0:
        return 0.0
    return len(_BAD.findall(text)) / visible


def common_word_share(text: str) -> tuple[float, int]:
    """Share of words (2+ letters) that are common Dutch/English words, and the word count."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0, 0
    return sum(1 for w in words if w in COMMON_WORDS) / len(words), len(words)


def assess(
    text: str, *, image_cover: float = 0.0, unmapped_share: float | None = None
) -> TextQuality:
    """Judge a page's extracted ``text``.

    ``image_cover`` is the share (0..1) of the page covered by its largest image;
    ``unmapped_share`` the share of characters pdfium flags as lacking a Unicode mapping
    (``None`` when not measured).
    """
    if not _SPACE.sub("", text):
        if image_cover >= _IMAGE_COVER_SCAN:
            return TextQuality(
                "no-text", 0.0, f"no text layer; an image covers {image_cover:.0%} of the page"
            )
        return TextQuality("ok", 1.0, "blank page")
    bad = bad_char_share(text)
    if unmapped_share is not None and unmapped_share >= _BAD_SHARE_LIMIT:
        return TextQuality(
            "unmapped-fonts",
            round(1.0 - unmapped_share, 3),
            f"{unmapped_share:.0%} of the characters have no Unicode mapping in their font",
        )
    if bad >= _BAD_SHARE_LIMIT:
        return TextQuality(
            "unmapped-fonts",
            round(1.0 - bad, 3),
            f"{bad:.0%} of the characters are control or private-use codes (font without "
            "Unicode mapping)",
        )
    share, count = common_word_share(text)
    if count >= _MIN_WORDS_FOR_GARBLE and share < _COMMON_SHARE_LIMIT:
        return TextQuality(
            "garbled",
            round(share / _COMMON_SHARE_LIMIT * 0.5, 3),
            f"only {share:.1%} of {count} words are common Dutch words (garbled text layer)",
        )
    score = 1.0 - bad
    if count >= _MIN_WORDS_FOR_GARBLE:
        score = min(score, 0.5 + share)
    return TextQuality("ok", round(min(score, 1.0), 3), "")
