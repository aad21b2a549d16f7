"""API: a document's municipality against its peers (vergelijken), as on the comparison page."""

from __future__ import annotations

from typing import Any, cast

from django.http import HttpRequest
from ninja import Schema

from rekenschap.web.core.api import api
from rekenschap.web.core.api.routes import ERRORS
from rekenschap.web.core.api.schemas import ProblemOut
from rekenschap.web.core.comparing import clean_peers, compare_document
from rekenschap.web.core.models import User
from rekenschap.web.core.views.compare import comparable_document


class CompareOut(Schema):
    comparison: dict[str, Any]
    """``rekenschap.opendata.compare.Comparison`` as JSON (rows: lasten/baten per inhabitant per
    taakveld with the peers' quartiles and rank; indicators with the Nederland value)."""
    problems: list[ProblemOut]


@api.get("/documents/{pk}/compare", response={200: CompareOut, **ERRORS})
def compare(request: HttpRequest, pk: int, peers: str = "size-class") -> dict[str, Any]:
    """``peers``: ``size-class``, ``province`` or CBS codes ``GM0014,GM0034``. 404
    ``WEB-OPENDATA-ABSENT`` when the open data (or the organisation's CBS code) is missing."""
    document = comparable_document(cast(User, request.user), pk)
    result = compare_document(document, clean_peers(peers))
    return {"comparison": result.comparison.model_dump(mode="json"),
            "problems": [p.model_dump(mode="json") for p in result.problems]}
