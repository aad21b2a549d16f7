"""placeholder"""
from __future__ import annotations
from typing import Any
def find_explanations(*a: Any, **k: Any) -> tuple[list[Any], list[Any]]:
    return [], []
