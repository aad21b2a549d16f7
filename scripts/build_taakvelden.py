#!/usr/bin/env python3
"""Derive ``catalogue/data/taakvelden.json`` from CBS's own Iv3 definition files.

Reads ``iv3_definities_Gemeente_<year>.json`` (CBS, github.com/statistiekcbs/iv3_definities)
and writes, per year, the taakvelden (code, name, main group), the categorieën lasten/baten and
the beleidsindicatoren bi.* codes, in the order CBS lists them.

    python scripts/build_taakvelden.py                 # write the package data
    python scripts/build_taakvelden.py --check         # exit 1 when the committed file differs
    python scripts/build_taakvelden.py --source DIR    # definitions elsewhere (default ../shared)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "corpus" / "iv3-definities"
TARGET = ROOT / "src" / "rekenschap" / "catalogue" / "data" / "taakvelden.json"
PATTERN = re.compile(r"^iv3_definities_Gemeente_(\d{4})\.json$")
SOURCE_NOTE = (
    "Derived by scripts/build_taakvelden.py from CBS's Iv3 definition files "
    "iv3_definities_Gemeente_<year>.json (Centraal Bureau voor de Statistiek, "
    "https://github.com/statistiekcbs/iv3_definities, commit 9d77a88). Do not edit by hand."
)


def _leaves(nodes: list[dict[str, Any]],
            group: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Leaf codes with their nearest grouping ancestor (skipping CBS's ``Tot_*`` totals)."""
    out: list[dict[str, Any]] = []
    for node in nodes:
        code, name = str(node["code"]).strip(), " ".join(str(node.get("omschrijving", "")).split())
        children = node.get("subcodes") or []
        if children:
            here = group if code.startswith("Tot_") else {"code": code, "name": name}
            out.extend(_leaves(children, here))
        else:
            item: dict[str, Any] = {"code": code, "name": name}
            if group is not None:
                item["group"], item["group_name"] = group["code"], group["name"]
            out.append(item)
    return out


def _codelist(lists: dict[str, Any], name: str) -> list[dict[str, Any]]:
    entry = lists.get(name)
    return _leaves(entry["codelijst"]) if isinstance(entry, dict) else []


def derive(source: Path) -> dict[str, Any]:
    """The package data for every definition file in ``source``."""
    years: dict[str, Any] = {}
    for path in sorted(source.iterdir()):
        match = PATTERN.match(path.name)
        if not match:
            continue
        definition = json.loads(path.read_text(encoding="utf-8"))
        lists = definition["codelijsten"]
        taakvelden = _codelist(lists, "taakveld")
        for item in taakvelden:  # CBS writes groups as "1."; a taakveld's group is its prefix
            item["group"] = item.get("group", "").rstrip(".")
        years[match.group(1)] = {
            "file": path.name,
            "version": definition.get("metadata", {}).get("omschrijving"),
            "taakvelden": taakvelden,
            "categorieen_lasten": _codelist(lists, "categorie_lasten"),
            "categorieen_baten": _codelist(lists, "categorie_baten"),
            "beleidsindicatoren": _codelist(lists, "beleidsindicatoren"),
        }
    return {"source": SOURCE_NOTE, "years": years}


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    parser.add_argument("--output", type=Path, default=TARGET)
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    if not args.source.is_dir():
        print(f"{args.source}: no such directory (the Iv3 definition files)", file=sys.stderr)
        return 2
    text = render(derive(args.source))
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} differs from what {args.source} gives; run without --check")
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
