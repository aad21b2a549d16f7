"""placeholder"""
from __future__ import annotations
from typing import Any
def find_indicator_tables(*a: Any, **k: Any) -> tuple[list[Any], list[Any]]:
    return [], []
def attach_indicators(p: Any, *a: Any, **k: Any) -> tuple[Any, list[Any]]:
    return p, []
