"""Every problem code of PDF structure recognition, documented once (meldingscodes).

``rekenschap.importers.pdf.extract`` (page extraction: PDF-NO-TEXT, PDF-UNMAPPED-FONT, ...)
documents its own codes; these are the codes of the structure stage.
"""

from __future__ import annotations

STRUCTURE_CODES: dict[str, str] = {
    "PDF-DOC-KIND": "No title or table of contents names the document kind and year; taken "
                    "from the file name or the most frequent mention (notice), or assumed "
                    "(error) when nothing names them.",
    "PDF-DOC-ORGANISATION": "No 'gemeente X' on the first pages; organisation left 'onbekend'.",
    "PDF-PROGRAMME-NONE": "No programme headings ('P1 ...', 'Programma 1 ...') in the document.",
    "PDF-STAGE-FAILED": "One recognition stage crashed (a bug); its part is not imported, the "
                        "rest is.",
    "PDF-FIN-MISSING": "A programme chapter has no baten/lasten table.",
    "PDF-FIN-COLUMN": "A finance column header cannot be mapped to a column kind; kept as "
                      "'other'.",
    "PDF-FIN-CELLS": "A finance row has a different number of amounts than the table has "
                     "columns; the row is skipped.",
    "PDF-FIN-NUMBER": "A finance cell is not a Dutch amount; the cell is left empty.",
    "PDF-FIN-SCALE": "No scale line ('bedragen x € 1.000') above the table; the report's unit "
                     "applies.",
    "PDF-FIN-ROUNDING": "The table is off by exactly one unit of its scale (separate rounding "
                        "of the printed amounts). Larger differences are the checks' FIN-SALDO, "
                        "FIN-RESERVES or FIN-DIFFERENCE (`rekenschap check`), reported once.",
    "PDF-GOALS-AS-TEXT": "Goals written as prose beside two-column result tables are kept as a "
                         "text section, not paired with results.",
    "PDF-GOALS-NONE": "No numbered goal list under the goals heading.",
    "PDF-GOAL-NO-ACTIVITIES": "A goal has no results with its number in the results list.",
    "PDF-RESULT-NO-GOAL": "A result's code names a goal that is not in the goal list; kept "
                          "under a goal without a title.",
    "PDF-TWOCOLUMN-NO-GOALS": "A two-column table has results but no goals; kept under a goal "
                              "without a title.",
    "PDF-VARIANCE-AMOUNT": "An explained difference states no single net amount; left empty.",
    "PDF-IND-YEARS-EMPTY": "An indicator table header (Indicator / Eenheid / years, or Nr. / "
                           "Beleidsindicator / Eenheid / Bron) has no rows under it.",
    "PDF-IND-YEARS-VALUE": "Text under a year or realisation column of an indicator table is "
                           "not a number nor n.n.b./n.v.t.; that value is left out.",
    "PDF-INDICATOR-VALUE": "An indicator value is not a number; skipped.",
    "PDF-INDICATOR-NAME": "A beleidsindicatoren row has no name; skipped.",
    "PDF-INDICATOR-PROGRAMME": "Indicators name a programme that was not found; not attached.",
    "PDF-INDICATOR-GEOMETRY": "Text runs cross table columns; words were placed by estimated "
                              "positions, so cells may be mixed up.",
    "PDF-INDICATOR-TARGET-YEAR": "The facts line under an indicator's heading puts a year "
                                 "alone after 'Streefwaarde:' ('Streefwaarde: 2025.'); a year "
                                 "is not a target value, so none is taken.",
    "PDF-INDICATOR-TARGETS": "An effect-indicator target prints another year than its column "
                             "header, or several targets share a year; all are kept in "
                             "``targets``, the first of the document year counts as ``target``.",
    "PDF-OVERVIEW-CELLS": "A line of the overview of baten and lasten (recapitulatie) has another "
                          "number of amounts than the table, or an amount that does not parse; "
                          "the line is skipped or the cell left empty.",
    "PDF-OVERVIEW-COLUMN": "A column group of the overview cannot be mapped to a column kind; "
                           "kept as 'other' (not compared by FIN-TOTALS).",
    "PDF-OVERVIEW-PROGRAMME": "An overview line names a programme that was not found; kept "
                              "without a reference.",
    "PDF-OVERVIEW-EMPTY": "The overview has a header but no readable rows; skipped.",
    "PDF-EFFECT-TABLE": "An effect-indicator table has no readable header or rows; skipped.",
    "PDF-EFFECT-NAME": "An effect-indicator row has values but no name; skipped.",
    "PDF-EFFECT-COLUMN": "An effect-indicator column is not a baseline, target or result; its "
                         "values are skipped.",
    "PDF-TAAKVELD-CELLS": "A taakveld row has a different number of amounts than the table; "
                          "skipped.",
    "PDF-TAAKVELD-CODE": "A taakveld block's programme number reads as the letter O "
                         "('Programma:PO', OCR); taken as programme 0 (notice).",
    "PDF-TAAKVELD-PROGRAMME": "A taakveld table names a programme that was not found.",
    "PDF-TAAKVELD-SIGN": "A taakveld amount whose sign, negated, is the only way baten + "
                         "lasten = saldo holds in its column group: a minus sign was lost (OCR); "
                         "read negated (notice).",
    "PDF-TAAKVELD-SUM": "The taakveld total saldo differs from the programme's saldo by more "
                        "than one unit.",
    "PDF-STATUS-UNKNOWN": "A result's status icon is not in the document's legend; status left "
                          "empty.",
    "PDF-STATUS-UNREADABLE": "The PDF could not be reopened to read status icons.",
}
