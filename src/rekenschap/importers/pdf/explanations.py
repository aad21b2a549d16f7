"""Variance explanations (toelichting op verschillen >= € 50.000) under a finance table.

The heading states the threshold ("Toelichting op verschillen tussen begroot actueel/werkelijk
>= € 50.000"); items are lettered ("a. Opvang Oekraïense ontheemden (per saldo nadelig
€ 42.000).") under "Taakveld x.y" subheadings, each followed by its explanation. The amount is
the net effect stated in the parentheses, favourable positive ("voordeel"/"voordelig" +,
"nadeel"/"nadelig" -, "neutraal" 0); when the parentheses list several amounts without a net
one, the amount is left empty and reported. The note may also say whether the item is
"incidenteel" or "structureel"; a threshold not in the heading may stand in the line under it
("Verschillen vanaf € 50.000 worden toegelicht.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Literal

from rekenschap.importers.pdf.flow import FlowLine, provenance_of
from rekenschap.importers.pdf.sections import Question, match_w_section
from rekenschap.importers.textdump_lines import join_lines
from rekenschap.model import Location, Problem, Severity, VarianceExplanation, VarianceItem
from rekenschap.model.numbers import parse_number

__all__ = ["find_explanations"]

_ITEM = re.compile(r"^([a-z])\.\s+(\S.*)$")
_TAAKVELD = re.compile(r"^taakveld\s+\d", re.I)
_END = re.compile(r"^de\s+overige\s+verschillen", re.I)
_THRESHOLD = re.compile(r"(?:>=|≥|groter\s+(?:dan\s+)?of\s+gelijk\s+aan|vanaf)\s*€\s*([\d.]+)",
                        re.I)
_EURO = re.compile(r"€\s*(\d{1,3}(?:\.\d{3})*(?:,\d+)?)")
_NET = re.compile(r"per\s+saldo\s+(voordelig|nadelig|neutraal|voordeel|nadeel)\w*"
                  r"(?:[^€()]{0,40}€\s*(\d{1,3}(?:\.\d{3})*))?", re.I)
_GOOD = re.compile(r"voorde(?:e|li)", re.I)
_BAD = re.compile(r"nade(?:e|li)", re.I)


def _amount(note: str) -> tuple[Decimal | None, bool]:
    """Net amount of a parenthesised note; ``ok`` False when several amounts leave it open."""
    note = re.sub(r"(\d)\s+\.(\d)", r"\1.\2", note)
    net = _NET.search(note)
    if net:
        word = net.group(1).lower()
        if word.startswith("neutra"):
            return Decimal(0), True
        if net.group(2):
            value = parse_number(net.group(2)).value
            if value is not None:
                return (value if _GOOD.match(word) else -value), True
    amounts = _EURO.findall(note)
    if len(amounts) == 1:
        value = parse_number(amounts[0]).value
        good, bad = bool(_GOOD.search(note)), bool(_BAD.search(note))
        if value is not None and good != bad:
            return (value if good else -value), True
    return None, not amounts


def _incidental(note: str) -> bool | None:
    """"incidenteel" / "structureel" in the note, ``None`` when it says neither (or both)."""
    low = note.lower()
    one_off, lasting = "incidenteel" in low, "structureel" in low
    return one_off if one_off != lasting else None


def _kind(note: str) -> Literal["lasten", "baten", "reserves", "other"] | None:
    low = note.lower()
    flags = [w for w in ("lasten", "baten", "reserve") if w in low]
    if len(flags) == 1:
        return "reserves" if flags[0] == "reserve" else flags[0]  # type: ignore[return-value]
    return "other" if flags or re.search(r"\boverig\b", low) else None


def _split_header(parts: list[str]) -> tuple[str, str]:
    """Title and parenthesised note of an item header ("Title (note)." -> both)."""
    text = join_lines(parts).rstrip(" .")
    if text.endswith(")"):
        depth = 0
        for i in range(len(text) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(text[i], 0)
            if depth == 0:
                return text[:i].strip(), text[i + 1:-1].strip()
    return text, ""


def find_explanations(
    lines: Sequence[FlowLine], *, file: str, path: str,
) -> tuple[list[VarianceExplanation], list[Problem]]:
    """The explanation section among ``lines`` (from its heading on), or nothing."""
    problems: list[Problem] = []
    start = next((i for i, fl in enumerate(lines)
                  if match_w_section(fl.text) is Question.EXPLANATION), None)
    if start is None:
        return [], problems
    heading = lines[start]
    m = _THRESHOLD.search(heading.text)
    if m is None:  # "Verschillen vanaf € 50.000 worden toegelicht." under the heading
        for fl in lines[start + 1:start + 4]:
            if _ITEM.match(fl.text.strip()):
                break
            if m := _THRESHOLD.search(fl.text):
                break
    threshold = parse_number(m.group(1)).value if m else None
    items: list[tuple[list[FlowLine], list[str], list[str]]] = []
    in_header = False
    just_header = False  # the previous line was (part of) an item's heading
    taakveld: tuple[FlowLine, str] | None = None  # the taakveld heading just read
    for fl in lines[start + 1:]:
        text = fl.text.strip()
        if _END.match(text) or match_w_section(text) is not None:
            break
        previous_taakveld, taakveld = taakveld, None
        item = _ITEM.match(text)
        if item:
            items.append(([fl], [item.group(2)], []))
            in_header = text.count("(") > text.count(")")
            just_header = True
        elif _TAAKVELD.match(text):
            in_header = just_header = False
            taakveld = (fl, text)
        elif previous_taakveld is not None and text.startswith("("):
            # a net amount for the whole taakveld: an item titled with the taakveld
            items.append(([previous_taakveld[0], fl], [previous_taakveld[1], text], []))
            in_header = text.count("(") > text.count(")")
            just_header = True
        elif items and (in_header or (just_header and text.startswith("("))):
            items[-1][0].append(fl)
            items[-1][1].append(text)
            joined = " ".join(items[-1][1])
            in_header = joined.count("(") > joined.count(")")
            just_header = True
        elif items:
            items[-1][0].append(fl)
            items[-1][2].append(text)
            just_header = False
    out: list[VarianceItem] = []
    for j, (fls, header, body) in enumerate(items):
        title, note = _split_header(header)
        amount, ok = _amount(note or title)  # without a note the heading states it, if at all
        if amount is None:
            why = "several amounts and no net one" if not ok else "no amount"
            problems.append(Problem(
                code="PDF-VARIANCE-AMOUNT", severity=Severity.NOTICE,
                message=f"explained item {title[:50]!r}: {why} in "
                        f"{repr('(' + note[:80] + ')') if note else 'its heading'}; "
                        f"amount left empty",
                location=Location(file=file, page=fls[0].page, line=fls[0].number,
                                  path=f"{path}.explanations[0].items[{j}]")))
        out.append(VarianceItem(title=title, amount=amount, kind=_kind(note) if note else None,
                                incidental=_incidental(note), text=join_lines(body) or None,
                                provenance=provenance_of(file, fls)))
    explanation = VarianceExplanation(
        title=" ".join(heading.text.split()), threshold=threshold, items=tuple(out),
        provenance=provenance_of(file, [heading]))
    return [explanation], problems
