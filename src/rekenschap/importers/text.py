"""Text-dump importer (tekstimport): a P&C text extraction -> :class:`Report` + problems.

Entry points: :func:`import_text` (the text, or a ``Path``) and :func:`import_text_file` (a
path). The work is split over ``textdump_*`` modules: lines (numbering, pages, furniture,
joining), outline (headings; page breaks bridged), programme (zones), goals (interleaved two
columns; numbered goals with coded results), finance (wrapped and stacked headers) and codes
(every ``TXT-`` problem code), plus the shared :mod:`headings`, :mod:`sentences` and
:mod:`quantities` parsers.

Document metadata, first source wins:

- organisation: ``options.organisation``; else the leading part of the file name
  ("groningen-2024-veiligheid.txt" -> "Gemeente Groningen"); else "Onbekende organisatie" with
  ``TXT-NO-ORGANISATION``. The CBS code only comes from ``options.cbs_code``.
- year: ``options.year``; a title line ("Jaarstukken 2024"); the file name; else the latest
  year printed in the text with ``TXT-YEAR-ASSUMED`` (warning), or 1900 with ``TXT-NO-YEAR``.
- kind: ``options.kind``; title line; file name; else inferred from the W-heading tense (past
  -> jaarstukken, plan -> begroting) with ``TXT-KIND-INFERRED`` (notice).
- amount scale: ``options.scale`` (when the options object has one); a scale line in the text
  ("bedragen x € 1.000"); else scale 1 (amounts as printed) with ``TXT-NO-SCALE`` (notice).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, overload

from rekenschap.importers.headings import Tense, document_hint_from_name
from rekenschap.importers.textdump_indicator_table import TableRow
from rekenschap.importers.textdump_lines import join_lines, split_lines
from rekenschap.importers.textdump_outline import Outline, outline
from rekenschap.importers.textdump_programme import build_programme
from rekenschap.model import (
    ColumnKind,
    Document,
    DocumentKind,
    Location,
    MoneyUnit,
    Organisation,
    Problem,
    Programme,
    Provenance,
    Report,
    Severity,
)

__all__ = ["import_text", "import_text_file"]

_CBS_CODE = re.compile(r"^(GM|PV|WS)\d{4}$")


def _problem(code: str, severity: Severity, message: str, file: str,
             line: int | None = None) -> Problem:
    return Problem(code=code, severity=severity, message=message,
                   location=Location(file=file, line=line))


def _option(options: Any, name: str) -> Any:
    return getattr(options, name, None) if options is not None else None


def _organisation(options: Any, file: str, problems: list[Problem]) -> Organisation:
    name = _option(options, "organisation")
    if not isinstance(name, str) or not name.strip():
        hint = document_hint_from_name(file).organisation
        if hint:
            name = f"Gemeente {hint}"
        else:
            name = "Onbekende organisatie"
            problems.append(_problem(
                "TXT-NO-ORGANISATION", Severity.WARNING,
                "the organisation is not in the options, the text or the file name; "
                f"recorded as {name!r}", file))
    code = _option(options, "cbs_code")
    if code is not None and not (isinstance(code, str) and _CBS_CODE.match(code)):
        problems.append(_problem("TXT-BAD-CBS-CODE", Severity.WARNING,
                                 f"CBS code {code!r} is not of the form GM0014; ignored", file))
        code = None
    return Organisation(name=name.strip(), cbs_code=code)


def _document(options: Any, file: str, text: str, plan: Outline, programmes: list[Programme],
              problems: list[Problem]) -> Document:
    by_name = document_hint_from_name(file)
    title = plan.title
    year = _option(options, "year")
    if not isinstance(year, int) or not 1900 <= year <= 2200:
        year = (title.year if title else None) or by_name.year
    if year is None:
        printed = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text)]
        if printed:
            year = max(printed)
            problems.append(_problem(
                "TXT-YEAR-ASSUMED", Severity.WARNING,
                f"the document year is not in the options, a title line or the file name; "
                f"assumed {year}, the latest year printed in the text", file))
        else:
            year = 1900
            problems.append(_problem(
                "TXT-NO-YEAR", Severity.ERROR,
                "the document year is not in the options, the text or the file name; "
                "recorded as 1900 — pass the year in the import options", file))
    kind = _option(options, "kind")
    if not isinstance(kind, DocumentKind):
        kind = (title.kind if title else None) or by_name.kind
    if kind is None:
        past = Tense.PAST in plan.tenses
        plan_tense = Tense.PLAN in plan.tenses
        realised = any(p.finance and p.finance.column(ColumnKind.ACTUAL) for p in programmes)
        if past and not plan_tense:
            kind, why = DocumentKind.JAARSTUKKEN, "the W-headings are in the past tense"
        elif plan_tense and not past:
            kind, why = DocumentKind.BEGROTING, "the W-headings are in the plan tense"
        elif realised:
            kind, why = DocumentKind.JAARSTUKKEN, "the finance table has a realisation column"
        else:
            kind, why = DocumentKind.BEGROTING, "nothing in the text says which kind it is"
        problems.append(_problem("TXT-KIND-INFERRED", Severity.NOTICE,
                                 f"document kind not stated; read as {kind.value} because {why}",
                                 file))
    period_end = title.period_end if title else by_name.period_end
    doc_title = plan.title_line.text if plan.title_line else None
    return Document(kind=kind, year=year, title=doc_title, period_end=period_end)


def _unit(options: Any, programmes: list[Programme], file: str,
          problems: list[Problem]) -> MoneyUnit:
    scale = _option(options, "scale")
    if isinstance(scale, int) and scale >= 1:
        return MoneyUnit(scale=scale)  # given, not printed: no label
    stated = {p.finance.unit.scale for p in programmes if p.finance and p.finance.unit}
    if len(stated) == 1:
        return MoneyUnit(scale=stated.pop())
    if any(p.finance for p in programmes):
        problems.append(_problem(
            "TXT-NO-SCALE", Severity.NOTICE,
            "the text states no amount scale (such as 'bedragen x € 1.000'); amounts are kept "
            "as printed (scale 1). Pass the scale in the import options if the document states "
            "it elsewhere", file))
    return MoneyUnit()


def _place_rows(programmes: list[Programme], rows: list[TableRow], file: str,
                problems: list[Problem]) -> list[Programme]:
    """Indicator table rows whose "Progr." cell names another programme go to that one."""
    by_code: dict[str | None, int] = {}
    for i, p in enumerate(programmes):
        if p.code:
            by_code.setdefault(p.code, i)  # the first programme with that code
    out = list(programmes)
    for row in rows:
        index = by_code.get(row.programme)
        if index is None:
            problems.append(Problem(
                code="TXT-INDICATOR-PROGRAMME", severity=Severity.WARNING,
                message=f"indicator {row.indicator.name!r} names programme {row.programme!r}, "
                        "which is not in the text; not attached",
                location=Location.of(row.indicator.provenance)))
            continue
        target = out[index]
        out[index] = target.model_copy(
            update={"indicators": (*target.indicators, row.indicator)})
    return out


def _nest(programmes: list[Programme]) -> list[Programme]:
    """Put a deelprogramma under the programma whose code prefixes its code ("2" -> "2.2")."""
    out: list[Programme] = []
    for p in programmes:
        parent = out[-1] if out else None
        if (p.level == "deelprogramma" and parent is not None and parent.level == "programma"
                and parent.code and p.code and p.code.startswith(parent.code + ".")):
            out[-1] = parent.model_copy(update={"subprogrammes": (*parent.subprogrammes, p)})
        else:
            out.append(p)
    return out


def _import(text: str, file: str, options: Any) -> tuple[Report, list[Problem]]:
    problems: list[Problem] = []
    lines = split_lines(text)
    plan = outline(lines)
    for ln in plan.furniture:
        problems.append(_problem("TXT-FURNITURE", Severity.NOTICE,
                                 f"page number or running footer {ln.text!r} left out of the text",
                                 file, ln.number))
    year_hint = _option(options, "year")
    if not isinstance(year_hint, int):
        year_hint = (plan.title.year if plan.title else None) or document_hint_from_name(file).year
    content = [ln for ln in plan.preamble if not ln.blank]
    if content:
        problems.append(_problem(
            "TXT-UNPLACED", Severity.WARNING,
            f"{len(content)} line(s) before the first programme heading are not part of a "
            f"programme (lines {content[0].number}-{content[-1].number}): "
            f"{join_lines([ln.text for ln in content])[:200]!r}", file, content[0].number))
    programmes: list[Programme] = []
    elsewhere: list[TableRow] = []
    for draft in plan.programmes:
        programme, more, rows = build_programme(draft, file=file, year=year_hint)
        programmes.append(programme)
        problems.extend(more)
        elsewhere.extend(rows)
    programmes = _place_rows(programmes, elsewhere, file, problems)
    if not plan.programmes:
        problems.append(_problem(
            "TXT-NO-PROGRAMME", Severity.ERROR,
            "no programme heading ('Programma 1 ...', 'Deelprogramma 2.2 ...') found; "
            "nothing imported", file))
    document = _document(options, file, text, plan, programmes, problems)
    organisation = _organisation(options, file, problems)
    unit = _unit(options, programmes, file, problems)
    report = Report(organisation=organisation, document=document, unit=unit,
                    programmes=tuple(_nest(programmes)), provenance=Provenance(file=file))
    return report, problems


def _empty_report() -> Report:
    return Report(organisation=Organisation(name="Onbekende organisatie"),
                  document=Document(kind=DocumentKind.BEGROTING, year=1900))


@overload
def import_text(text: str, options: Any = None, *,
                file: str | None = None) -> tuple[Report, list[Problem]]: ...


@overload
def import_text(text: Path, options: Any = None, *,
                file: str | None = None) -> tuple[Report | None, list[Problem]]: ...


def import_text(text: str | Path, options: Any = None, *,
                file: str | None = None) -> tuple[Report | None, list[Problem]]:
    """Import a text dump; never raises for bad input.

    ``text`` is the dump itself (``file`` names it in provenance and problems) or a
    :class:`~pathlib.Path`, which is read with :func:`import_text_file` (then the report is
    ``None`` when the file cannot be read). ``options`` is an
    :class:`rekenschap.importers.ImportOptions` (or any object with the same attributes;
    ``scale`` is read when present). A bug inside the importer becomes a ``TXT-INTERNAL`` error
    with an empty report instead of an exception.
    """
    if isinstance(text, Path):
        return import_text_file(text, options)
    name = file or "<text>"
    try:
        return _import(text, name, options)
    except Exception as exc:  # a bug must not take the batch down; report it as a problem
        problem = _problem("TXT-INTERNAL", Severity.ERROR,
                           f"internal error in the text importer: {type(exc).__name__}: {exc}",
                           name)
        return _empty_report(), [problem]


def import_text_file(path: str | Path,
                     options: Any = None) -> tuple[Report | None, list[Problem]]:
    """Read a text file (UTF-8, with or without BOM; Windows-1252 as fallback) and import it."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        return None, [_problem("TXT-UNREADABLE", Severity.ERROR,
                               f"cannot read the file: {exc.strerror or exc}", name)]
    problems: list[Problem] = []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        problems.append(_problem(
            "TXT-ENCODING", Severity.NOTICE,
            f"not valid UTF-8 (byte {exc.start}); read as Windows-1252", name))
    try:
        report, more = _import(text, name, options)
    except Exception as exc:  # see import_text
        report, more = _empty_report(), [_problem(
            "TXT-INTERNAL", Severity.ERROR,
            f"internal error in the text importer: {type(exc).__name__}: {exc}", name)]
    return report, problems + more
