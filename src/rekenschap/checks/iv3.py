"""Iv3 agreement (aansluiting Iv3): programme amounts against the taakveld figures sent to CBS.

The comparison itself lives in ``rekenschap.importers.opendata_reconcile`` (engineer O's
reconciliation, shared with the open-data commands); this check loads the configured Iv3 directory
once per path and registers the codes.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from rekenschap.checks.base import Code, cbs_code_of
from rekenschap.checks.config import CheckConfig
from rekenschap.importers.opendata_iv3dir import Iv3Data, load_iv3_dir
from rekenschap.importers.opendata_reconcile import reconcile_report
from rekenschap.model import Location, Problem, Report, Severity

_RULE = "Iv3 informatievoorschrift (BZK/CBS): baten and lasten per taakveld"

TAAKVELD = Code(
    "IV3-TAAKVELD",
    Severity.WARNING,
    "Programme amounts differ from its taakvelden in Iv3",
    "A programme is composed of taakvelden; the lasten and baten in its finance table should agree "
    "with the sum of those taakvelden in the Iv3 figures the municipality sent to CBS for the same "
    "year and phase (begroting / jaarrekening), within Iv3's rounding plus a stated tolerance "
    "(iv3.tolerance). The message gives both amounts and the difference.",
    _RULE,
)
NO_DATA = Code(
    "IV3-NO-DATA",
    Severity.NOTICE,
    "No Iv3 figures to compare with",
    "The programme names taakvelden but the Iv3 data has no figures for this municipality, year "
    "and phase; the agreement could not be checked.",
    _RULE,
)
NO_COLUMN = Code(
    "IV3-NO-COLUMN",
    Severity.NOTICE,
    "No column of the document year to compare with Iv3",
    "Iv3 jaarrekening figures are compared with the realisatie column, Iv3 begroting figures with "
    "the begroting column of the document year; the table has neither.",
    _RULE,
)
NO_CBS_CODE = Code(
    "IV3-NO-CBS-CODE",
    Severity.NOTICE,
    "Organisation without a CBS code",
    "Iv3 figures are found by the municipality's CBS code (GMxxxx); without it nothing is "
    "compared.",
    _RULE,
)
UNREADABLE = Code(
    "IV3-DATA-UNREADABLE",
    Severity.WARNING,
    "The configured Iv3 data could not be read",
    "The directory in iv3.data is missing or has no Iv3 files; the check cannot run.",
    _RULE,
)


@lru_cache(maxsize=4)
def _load(directory: str) -> tuple[Iv3Data, tuple[Problem, ...]]:
    data, problems = load_iv3_dir(directory)
    return data, tuple(problems)


def check_iv3(report: Report, config: CheckConfig) -> list[Problem]:
    """IV3-TAAKVELD and its notices; nothing when ``iv3.data`` is not configured."""
    if config.iv3_data is None:
        return []
    directory = Path(config.iv3_data)
    if not directory.is_dir():
        return [
            UNREADABLE.problem(
                f"iv3.data {directory} is not a directory", Location(file=str(directory))
            )
        ]
    if not any(q.taakvelden for q in report.all_programmes()):
        return []
    code = cbs_code_of(report)
    if code and not report.organisation.cbs_code:
        organisation = report.organisation.model_copy(update={"cbs_code": code})
        report = report.model_copy(update={"organisation": organisation})
    data, _load_problems = _load(str(directory.resolve()))
    _results, problems = reconcile_report(
        report, data, relative=config.iv3_tolerance / Decimal(100)
    )
    return problems
