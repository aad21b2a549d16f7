"""A small JSON reader that records the line of every key and array item (for messages).

Only used for files with problems: clean files take the standard library's C parser.
Scalars are decoded by the standard library (``raw_decode``); only the structure is ours.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from decimal import Decimal
from typing import Any

__all__ = ["DataPath", "JsonScanner", "JsonSyntax"]

DataPath = tuple[str | int, ...]
_scanstring: Any = json.decoder.scanstring  # type: ignore[attr-defined]


class JsonSyntax(Exception):
    """A syntax error at character ``pos``."""

    def __init__(self, msg: str, pos: int) -> None:
        super().__init__(msg)
        self.msg, self.pos = msg, pos


_WS = re.compile(r"[ \t\n\r]*")


class JsonScanner:
    """A small recursive JSON reader that records the line of every key and array item.

    Scalars are decoded by the standard library (``raw_decode``); only the structure is ours.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.decoder = json.JSONDecoder(parse_float=Decimal)
        self.starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
        self.lines: dict[DataPath, int] = {}
        self.duplicates: list[tuple[DataPath, int, int]] = []
        """(path of the repeated key, its line, line of the first occurrence)."""

    def line_of(self, pos: int) -> int:
        return bisect_right(self.starts, pos)

    def document(self) -> Any:
        value, end = self._value(0, ())
        end = _WS.match(self.text, end).end()  # type: ignore[union-attr]
        if end != len(self.text):
            raise JsonSyntax("extra data after the document", end)
        return value

    def _skip(self, pos: int) -> int:
        return _WS.match(self.text, pos).end()  # type: ignore[union-attr]

    def _value(self, pos: int, path: DataPath) -> tuple[Any, int]:
        pos = self._skip(pos)
        self.lines.setdefault(path, self.line_of(pos))
        char = self.text[pos:pos + 1]
        if char == "{":
            return self._object(pos + 1, path)
        if char == "[":
            return self._array(pos + 1, path)
        if not char:
            raise JsonSyntax("unexpected end of the document", pos)
        try:
            return self.decoder.raw_decode(self.text, pos)
        except json.JSONDecodeError as exc:
            raise JsonSyntax(exc.msg, exc.pos) from None

    def _object(self, pos: int, path: DataPath) -> tuple[dict[str, Any], int]:
        out: dict[str, Any] = {}
        first: dict[str, int] = {}
        pos = self._skip(pos)
        if self.text[pos:pos + 1] == "}":
            return out, pos + 1
        while True:
            pos = self._skip(pos)
            if self.text[pos:pos + 1] != '"':
                raise JsonSyntax("expected a key in double quotes", pos)
            try:
                key, pos = _scanstring(self.text, pos + 1)
            except json.JSONDecodeError as exc:
                raise JsonSyntax(exc.msg, exc.pos) from None
            line = self.line_of(pos)
            if key in first:
                self.duplicates.append(((*path, key), line, first[key]))
            first.setdefault(key, line)
            self.lines.setdefault((*path, key), line)
            pos = self._skip(pos)
            if self.text[pos:pos + 1] != ":":
                raise JsonSyntax("expected ':' after a key", pos)
            out[key], pos = self._value(pos + 1, (*path, key))
            done, pos = self._after_item(pos, "}")
            if done:
                return out, pos

    def _array(self, pos: int, path: DataPath) -> tuple[list[Any], int]:
        out: list[Any] = []
        pos = self._skip(pos)
        if self.text[pos:pos + 1] == "]":
            return out, pos + 1
        while True:
            item, pos = self._value(pos, (*path, len(out)))
            out.append(item)
            done, pos = self._after_item(pos, "]")
            if done:
                return out, pos

    def _after_item(self, pos: int, close: str) -> tuple[bool, int]:
        """After an object member or array item: ``(True, past close)`` at the end,
        ``(False, past the comma)`` when another follows."""
        pos = self._skip(pos)
        char = self.text[pos:pos + 1]
        if char == close:
            return True, pos + 1
        if char != ",":
            raise JsonSyntax(f"expected ',' or '{close}'", pos)
        return False, pos + 1
