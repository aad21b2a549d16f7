"""Speed of the native formats on a large report, against the plain parsers as baseline.

    python bench/formats_bench.py [N]     # N copies of the example's programme (default 400)

Prints seconds and the ratio to the baseline measured in the same run: loading YAML (our
loader: compose + line map + duplicate check + validation) against ``yaml.load`` with the C
loader alone, and loading JSON (our line-tracking scanner + validation) against ``json.loads``.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from rekenschap.importers.native import loads_json, loads_yaml
from rekenschap.render.native import dump_json, dump_yaml

ROOT = Path(__file__).resolve().parents[1]


def best_of(runs: int, func: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    example, problems = loads_yaml((ROOT / "examples" / "groningen-2024-veiligheid.yaml")
                                   .read_text(encoding="utf-8"), "example")
    assert example is not None, problems
    big = example.model_copy(update={"programmes": example.programmes * copies})
    yaml_text, json_text = dump_yaml(big), dump_json(big)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    rows = [
        ("load YAML", best_of(3, lambda: loads_yaml(yaml_text, "big.yaml")),
         best_of(3, lambda: yaml.load(yaml_text, Loader=loader))),
        ("load JSON", best_of(3, lambda: loads_json(json_text, "big.json")),
         best_of(3, lambda: json.loads(json_text))),
        ("dump YAML", best_of(3, lambda: dump_yaml(big)),
         best_of(3, lambda: yaml.dump(json.loads(json_text), Dumper=getattr(
             yaml, "CSafeDumper", yaml.SafeDumper)))),
        ("dump JSON", best_of(3, lambda: dump_json(big)),
         best_of(3, lambda: json.dumps(json.loads(json_text), indent=2))),
    ]
    print(f"report: {copies} programmes, YAML {len(yaml_text) / 1e6:.1f} MB, "
          f"JSON {len(json_text) / 1e6:.1f} MB")
    for name, ours, base in rows:
        print(f"{name}: {ours:.3f} s (baseline {base:.3f} s, ratio {ours / base:.1f}x)")


if __name__ == "__main__":
    main()
