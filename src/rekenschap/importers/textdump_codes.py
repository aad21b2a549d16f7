"""The problem codes of the text-dump importer, each documented once (as data).

``tests/importers_text/test_codes.py`` fails when a module of the text importer emits a code
that is not listed here, or when a listed code is no longer emitted.
"""

from __future__ import annotations

from rekenschap.model import Severity

__all__ = ["TEXT_PROBLEM_CODES"]

TEXT_PROBLEM_CODES: dict[str, tuple[Severity, str]] = {
    "TXT-ACTIVITY-NO-GOAL": (Severity.WARNING, "A bullet (activity) before any goal; its text is "
                             "kept in the programme section 'Overige tekst'."),
    "TXT-AMBIGUOUS-ORDER": (Severity.WARNING, "Values whose periods the text does not give "
                            "('13.140 tegenover 13.044'); kept without a period in printed "
                            "order, the message names both readings. Only for a sentence "
                            "without a claim: with a claim ('gedaald t.o.v. 2023') the check "
                            "IND-CLAIM-AMBIGUOUS reports it once, with the readings that "
                            "support and contradict the claim."),
    "TXT-BAD-CBS-CODE": (Severity.WARNING, "The CBS code in the options is not GMxxxx/PVxxxx/"
                         "WSxxxx; ignored."),
    "TXT-CLAIM-NO-REFERENCE": (Severity.NOTICE, "A trend verb ('gedaald') without 't.o.v. ...'; "
                               "the claim is not recorded, the indicator is."),
    "TXT-ENCODING": (Severity.NOTICE, "The file is not UTF-8; read as Windows-1252."),
    "TXT-FINANCE-EXTRA": (Severity.WARNING, "A second finance table in one programme; the first "
                          "is the programme's table, the second is kept as text under "
                          "'Overige tekst'."),
    "TXT-FINANCE-HEADER": (Severity.WARNING, "Finance rows without a recognisable column header; "
                           "not imported as a table, kept as text under 'Overige tekst'."),
    "TXT-FINANCE-STACKED": (Severity.NOTICE, "A column header printed in stacked rows (names, "
                            "years, 'primair' / 'na wijziging'); the columns read are named."),
    "TXT-FINANCE-ROW": (Severity.WARNING, "A finance row whose number of amounts differs from "
                        "the number of columns; the row is not imported (the message quotes it)."),
    "TXT-FURNITURE": (Severity.NOTICE, "A page number or running footer left out of the text."),
    "TXT-GOAL-NO-ACTIVITY": (Severity.NOTICE, "A goal without activities in the text."),
    "TXT-IMPLICIT-PERIOD": (Severity.NOTICE, "A value stands for the report year, which is not "
                            "known; kept without a period."),
    "TXT-INDICATOR-TABLE": (Severity.WARNING, "An indicator table whose columns the dump "
                            "does not keep apart (pypdfium2 text: single spaces, wrapped cells), "
                            "a row without a name or value, a cell over two columns, a wrapped "
                            "line that could belong to the row above or below, or a column not "
                            "understood; not read, the lines are kept as text under 'Overige "
                            "tekst'."),
    "TXT-INDICATOR-PROGRAMME": (Severity.WARNING, "An indicator table row names a programme "
                                "('Progr.' column) that is not in the text; not attached, the "
                                "problem names the indicator."),
    "TXT-INDICATOR-VALUE": (Severity.WARNING, "A year printed without a value, or numbers not "
                            "read as value, year or unit, in an indicator sentence; in an "
                            "indicator table a cell that is not a number (left out) or has no "
                            "year (kept without a period)."),
    "TXT-INTERNAL": (Severity.ERROR, "A bug in the text importer; an empty report is returned. "
                     "Please report it with the input."),
    "TXT-KIND-INFERRED": (Severity.NOTICE, "The document kind is not stated; inferred from the "
                          "W-heading tense or the finance columns."),
    "TXT-NO-ORGANISATION": (Severity.WARNING, "No organisation in the options or the file name."),
    "TXT-NO-PROGRAMME": (Severity.ERROR, "No programme heading in the text; nothing imported."),
    "TXT-NO-SCALE": (Severity.NOTICE, "The text states no amount scale ('x € 1.000') and the "
                     "options give none; amounts are kept as printed (scale 1)."),
    "TXT-NO-YEAR": (Severity.ERROR, "No document year anywhere; recorded as 1900."),
    "TXT-UNIT-MISPRINT": (Severity.NOTICE, "A value printed with another unit than the other "
                          "values of the indicator ('naar 1000 inwoners'); read in the same unit. "
                          "In a sentence with a claim the check IND-PRINTED reports "
                          "'naar 1000 inwoners' instead (one finding, one owner)."),
    "TXT-UNPLACED": (Severity.WARNING, "Text that is not a goal, activity, finance row or "
                     "indicator; kept under 'Overige tekst' (or, before the first programme, "
                     "quoted in the message)."),
    "TXT-UNREADABLE": (Severity.ERROR, "The file cannot be read."),
    "TXT-VARIANCE-AMOUNT": (Severity.NOTICE, "An explained difference (toelichting op "
                            "verschillen) states no single net amount; its amount is left "
                            "empty, its text kept."),
    "TXT-YEAR-ASSUMED": (Severity.WARNING, "No document year in the options, title or file name; "
                         "the latest year printed in the text is assumed."),
}
