"""The JSON Schema of the interchange format, generated from the model (no I/O here).

The committed copy lives in ``docs/schema/report-1.json``; a test keeps it equal to this.
"""

from __future__ import annotations

from typing import Any

from rekenschap.model.report import SCHEMA_ID, Report

__all__ = ["SCHEMA_URI", "json_schema"]

SCHEMA_URI = "urn:rekenschap:schema:report-1"
"""The ``$id`` of version 1 of the report format (a URN: it names the format, not a web page)."""

_DESCRIPTION = (
    "One P&C document of a Dutch municipality (begroting, jaarstukken, ...) as data: "
    "organisation, document, currency unit and programmes with goals, activities, finance "
    "tables, indicators and variance explanations. Amounts are plain JSON numbers in the "
    f"stated unit. The 'schema' member must be '{SCHEMA_ID}'. See docs/format.md."
)


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of ``rekenschap/report@1`` in validation mode."""
    generated = Report.model_json_schema(by_alias=True, mode="validation")
    schema: dict[str, Any] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_URI,
        "title": f"Rekenschap report ({SCHEMA_ID})",
        "description": _DESCRIPTION,
    }
    schema.update({k: v for k, v in generated.items() if k not in {"title", "description"}})
    schema["required"] = sorted({*generated.get("required", []), "schema"})
    return schema
