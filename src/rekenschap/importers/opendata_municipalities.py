"""The CBS municipality register (gemeentelijst): CBS code, name and province.

Reads StatLine exports of the "Gebieden" / "Gemeentelijke indeling" tables, e.g. 85755NED
(``"ID";"RegioS";"Naam_2";"SorteringNaam_3";"Naam_29"`` with the province in ``Naam_29``) and
82949NED (``"ID";"RegioS";"Code_1";"Naam_2";...``). Source: CBS open data, CC BY 4.0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rekenschap.importers.iv3 import normalise_name, short_name
from rekenschap.importers.opendata_csv import read_csv_table
from rekenschap.model import Problem, Provenance, Severity

__all__ = ["Municipality", "MunicipalityRegister", "load_register"]

CODE = re.compile(r"^GM\d{4}$")


@dataclass(frozen=True)
class Municipality:
    """One municipality (gemeente) of the register."""

    cbs_code: str
    name: str
    province: str | None
    provenance: Provenance


@dataclass
class MunicipalityRegister:
    """Municipalities by CBS code, with a lookup by (normalised) name."""

    file: str
    by_code: dict[str, Municipality] = field(default_factory=dict)

    def by_name(self) -> dict[str, str]:
        """Normalised name -> CBS code (what :func:`~rekenschap.importers.iv3.load_iv3` takes).

        Names are also listed without their province suffix ("Hengelo (O.)" as "hengelo", as
        the Iv3 files print it) when that short form is unambiguous ("Bergen" is not).
        """
        full = {normalise_name(m.name): code for code, m in self.by_code.items()}
        shorts: dict[str, set[str]] = {}
        for code, m in self.by_code.items():
            shorts.setdefault(short_name(m.name), set()).add(code)
        for key, codes in shorts.items():
            if len(codes) == 1 and key not in full:
                full[key] = next(iter(codes))
        return full

    def get(self, code: str) -> Municipality | None:
        return self.by_code.get(code.strip().upper())

    def find(self, code_or_name: str) -> Municipality | None:
        found = self.get(code_or_name)
        if found is None:
            code = self.by_name().get(normalise_name(code_or_name))
            found = self.by_code.get(code) if code else None
        return found


def load_register(path: Path | str, *, text: str | None = None,
                  ) -> tuple[MunicipalityRegister, list[Problem]]:
    """Load a CBS municipality list; rows without a ``GMxxxx`` code are reported and skipped."""
    table = read_csv_table(path, expected_delimiter=";", required=("RegioS",),
                           code_prefix="CBS-REGISTER", text=text)
    register = MunicipalityRegister(file=table.file)
    problems = list(table.problems)
    name_column = next((c for c in ("Naam_2", "Naam", "Gemeentenaam") if c in table.header), None)
    if "RegioS" in table.missing:
        return register, problems
    if name_column is None:
        problems.append(table.problem("CBS-REGISTER-COLUMN-MISSING", Severity.ERROR,
                                      "no name column (Naam_2) in the municipality list",
                                      line=1, column="Naam_2"))
        return register, problems
    province_column = "Naam_29" if "Naam_29" in table.header else None
    for row in table.rows:
        code = row.get("RegioS").upper()
        if not CODE.match(code):
            problems.append(table.problem(
                "CBS-REGISTER-CODE-INVALID", Severity.WARNING,
                f"{code!r} is not a municipality code (GMxxxx); row skipped",
                line=row.line, column="RegioS"))
            continue
        name = row.get(name_column)
        if not name:
            problems.append(table.problem("CBS-REGISTER-NAME-MISSING", Severity.WARNING,
                                          f"{code} has no name; row skipped",
                                          line=row.line, column=name_column))
            continue
        register.by_code[code] = Municipality(
            cbs_code=code, name=name,
            province=row.get(province_column) or None if province_column else None,
            provenance=table.provenance(row))
    return register, problems
