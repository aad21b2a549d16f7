"""What a careful reader notices in the text: placeholders, glued numbers, mistitled tables."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from rekenschap.checks.base import Code, programme_label, programmes_with_paths, where
from rekenschap.checks.config import CheckConfig
from rekenschap.model import DocumentKind, Problem, Provenance, Report, Severity

MISSING_NUMBER = Code(
    "ACT-MISSING-NUMBER",
    Severity.WARNING,
    "Text announces a number but gives none",
    'A result such as "Aantal keer bestuurlijke boete opgelegd ..." promises a count and prints '
    "none: a placeholder left in the text. The council cannot tell what was achieved.",
    "BBV art. 25 lid 2 (what was done to reach the goals)",
)
GLUED_NUMBER = Code(
    "TXT-GLUED-NUMBER",
    Severity.NOTICE,
    "Number glued to a word",
    '"2projecten" reads badly and defeats search and screen readers; it usually marks a lost '
    "space (typing or extraction error).",
    "Schrijfwijzer / WCAG 2.1 (readable text)",
)
TITLE = Code(
    "FIN-TITLE",
    Severity.NOTICE,
    "Finance table title nearly equals the programme name",
    'A finance table titled "Veligheid" under the programme "Veiligheid" is a typing error in a '
    "heading the council adopts; a title that almost but not exactly matches is reported.",
    "BBV art. 8 lid 3 / art. 25 lid 2 (the table belongs to its programme)",
)
MISSING_FINANCE = Code(
    "FIN-MISSING",
    Severity.WARNING,
    "Programme without a finance table",
    "Every programme states its (realised) baten and lasten; a programme without a finance table, "
    "in itself or in its deelprogramma's or parent, misses the third W-question (Wat heeft het "
    "gekost? / Wat mag het kosten?).",
    "BBV art. 8 lid 3 (begroting) and art. 25 lid 2 (jaarverslag)",
)

_DIGIT = re.compile(r"\d")
_ANNOUNCE = re.compile(r"^\s*(het\s+)?aantal\b", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"(\bx{2,}\b|\[\s*\]|\bnog in te vullen\b)", re.IGNORECASE)
_GLUED = re.compile(r"\b(\d+)([a-zA-Zà-ÿ]{4,})\b")
_GLUED_OK = re.compile(
    r"^(ste|de|e|jarig|jarige|tal|voudig|mln|miljoen|duizend|km|kg|fte|ha)", re.IGNORECASE
)


def _texts(report: Report) -> list[tuple[str, str, str, Provenance | None]]:
    out: list[tuple[str, str, str, Provenance | None]] = []
    for path, prog in programmes_with_paths(report):
        for g, goal in enumerate(prog.goals):
            out.append((f"{path}.goals[{g}]", programme_label(prog), goal.title, goal.provenance))
            for a, act in enumerate(goal.activities):
                out.append(
                    (
                        f"{path}.goals[{g}].activities[{a}]",
                        programme_label(prog),
                        act.text,
                        act.provenance,
                    )
                )
    return out


def check_missing_number(report: Report, config: CheckConfig) -> list[Problem]:
    """ACT-MISSING-NUMBER: "Aantal ..." with no digit in the sentence, or a placeholder."""
    problems: list[Problem] = []
    for path, prog in programmes_with_paths(report):
        for g, goal in enumerate(prog.goals):
            for a, act in enumerate(goal.activities):
                loc = where(act.provenance, f"{path}.goals[{g}].activities[{a}]", goal.provenance)
                if _ANNOUNCE.match(act.text) and not act.quantities and not _DIGIT.search(act.text):
                    problems.append(
                        MISSING_NUMBER.problem(
                            f"{programme_label(prog)}: {act.text!r} announces a number ('aantal') "
                            "but "
                            "gives none",
                            loc,
                        )
                    )
                elif (hole := _PLACEHOLDER.search(act.text)) is not None:
                    problems.append(
                        MISSING_NUMBER.problem(
                            f"{programme_label(prog)}: {act.text!r} contains a placeholder "
                            f"({hole.group(0)!r})",
                            loc,
                        )
                    )
    return problems


def check_glued_number(report: Report, config: CheckConfig) -> list[Problem]:
    """TXT-GLUED-NUMBER: "2projecten"."""
    problems: list[Problem] = []
    for path, label, text, prov in _texts(report):
        for m in _GLUED.finditer(text):
            if _GLUED_OK.match(m.group(2)):
                continue
            problems.append(
                GLUED_NUMBER.problem(
                    f"{label}: {m.group(0)!r} — a space is missing ({m.group(1)} {m.group(2)})",
                    where(prov, path),
                )
            )
    return problems


def _norm(text: str) -> str:
    return re.sub(r"[^a-zà-ÿ0-9 ]", "", re.sub(r"^\s*[\d.]+\s*", "", text.lower())).strip()


def check_title(report: Report, config: CheckConfig) -> list[Problem]:
    """FIN-TITLE: a finance table title that is a near miss of the programme name."""
    problems: list[Problem] = []
    for path, prog in programmes_with_paths(report):
        table = prog.finance
        if table is None or not table.title:
            continue
        title, name = _norm(table.title), _norm(prog.name)
        if not title or title == name or name in title or title in name:
            continue
        ratio = SequenceMatcher(None, title, name).ratio()
        if ratio >= 0.8:
            problems.append(
                TITLE.problem(
                    f"{programme_label(prog)}: finance table titled {table.title!r} — a typing "
                    "error for "
                    f"{prog.name!r}?",
                    where(table.provenance, f"{path}.finance", prog.provenance),
                )
            )
    return problems


def check_missing_finance(report: Report, config: CheckConfig) -> list[Problem]:
    """FIN-MISSING: a top-level programme with no finance table anywhere in its tree."""
    if report.document.kind not in (
        DocumentKind.BEGROTING,
        DocumentKind.JAARSTUKKEN,
        DocumentKind.JAARVERSLAG,
    ):
        return []
    problems: list[Problem] = []
    for i, prog in enumerate(report.programmes):
        if any(p.finance is not None for p in prog.walk()):
            continue
        problems.append(
            MISSING_FINANCE.problem(
                f"{programme_label(prog)}: no finance table (lasten and baten) in the programme or "
                "its "
                "deelprogramma's",
                where(prog.provenance, f"programmes[{i}]"),
            )
        )
    return problems
