"""The document overview's programme references (``Report.overview.rows[*].ref``, the
overzicht van baten en lasten) kept in step with programme codes.

A programme renamed in the app (its ``code`` changed) takes its overview lines with it; a
reference that still names no programme is reported as ``WEB-OVERVIEW-REF`` (warning), because
FIN-TOTALS silently skips such a line.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from rekenschap.model import Location, Problem, Severity
from rekenschap.web.core.models import Document


def rename_refs(header: dict[str, Any], old: str, new: str) -> tuple[dict[str, Any], int]:
    """``header`` with every overview row whose ``ref`` is ``old`` pointing at ``new``."""
    overview = header.get("overview")
    if not old or old == new or not isinstance(overview, dict):
        return header, 0
    rows = overview.get("rows") or []
    count = sum(1 for row in rows if isinstance(row, dict) and row.get("ref") == old)
    if not count:
        return header, 0
    new_rows = [
        {**row, "ref": new or None} if isinstance(row, dict) and row.get("ref") == old else row
        for row in rows
    ]
    return {**header, "overview": {**overview, "rows": new_rows}}, count


def follow_rename(document_id: int, old: str, new: str) -> int:
    """Point the document's overview lines at a renamed programme; call inside the save's
    transaction. Returns how many lines moved (0 when another programme still has ``old``)."""
    if not old or old == new:
        return 0
    document = Document.objects.select_for_update().get(pk=document_id)
    if document.programmes.filter(code=old).exists():
        return 0
    header, count = rename_refs(document.header, old, new)
    if count:
        Document.objects.filter(pk=document_id).update(header=header)
    return count


def broken_refs(document: Document) -> list[Problem]:
    """Overview lines naming a programme code that no programme of the document has."""
    overview = document.header.get("overview")
    if not isinstance(overview, dict):
        return []
    codes = set(document.programmes.values_list("code", flat=True))
    problems = []
    for index, row in enumerate(overview.get("rows") or []):
        ref = row.get("ref") if isinstance(row, dict) else None
        if ref and ref not in codes:
            problems.append(Problem(
                code="WEB-OVERVIEW-REF",
                severity=Severity.WARNING,
                message=_(
                    "Regel '%(label)s' van het overzicht van baten en lasten verwijst naar "
                    "programma %(ref)s, dat niet (meer) bestaat; de totaalcontrole slaat deze "
                    "regel over."
                ) % {"label": row.get("label", ""), "ref": ref},
                location=Location(path=f"overview.rows[{index}].ref"),
            ))
    return problems
