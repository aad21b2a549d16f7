"""Whatever the bytes, the loaders return problems and never raise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rekenschap.importers.native import loads_json, loads_yaml
from rekenschap.model import Problem, Report

from .samples import GOOD

_LINES = GOOD.splitlines(keepends=True)


def _check(result: tuple[Report | None, list[Problem]]) -> None:
    report, problems = result
    assert report is not None or problems  # no report without saying why
    for problem in problems:
        assert problem.location.file == "fuzz"
        assert problem.location.line is None or problem.location.line >= 1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_random_text(text: str) -> None:
    _check(loads_yaml(text, "fuzz"))
    _check(loads_json(text, "fuzz"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_LINES) - 1),
                          st.sampled_from(["delete", "dup", "junk", "indent", "quote"]),
                          st.text(max_size=6)), max_size=4))
def test_mutated_report(edits: list[tuple[int, str, str]]) -> None:
    lines = list(_LINES)
    for index, action, junk in edits:
        index %= len(lines)
        if action == "delete":
            del lines[index]
        elif action == "dup":
            lines.insert(index, lines[index])
        elif action == "junk":
            lines[index] = lines[index].rstrip("\n") + junk + "\n"
        elif action == "indent":
            lines[index] = "  " + lines[index]
        else:
            lines[index] = lines[index].replace(": ", ": '", 1)
        if not lines:
            break
    text = "".join(lines)
    _check(loads_yaml(text, "fuzz"))
    _check(loads_yaml(text, "fuzz", partial=True))
