"""Reading the catalogue's package data (once per process) with importlib.resources."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

import yaml

_Loader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _text(name: str) -> str:
    return resources.files("rekenschap.catalogue").joinpath("data", name).read_text("utf-8")


@cache
def read_yaml(name: str) -> Any:
    """A YAML file of ``catalogue/data``; a broken file is a packaging bug and raises."""
    return yaml.load(_text(name), Loader=_Loader)  # a safe loader (CSafeLoader)


@cache
def read_json(name: str) -> Any:
    return json.loads(_text(name))
