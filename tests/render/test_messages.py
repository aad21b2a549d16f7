"""The message catalogue: both languages for every key, the same placeholders in both."""

from __future__ import annotations

import re
import string

import pytest

from rekenschap.render.messages import MESSAGES, check_lang, message


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_placeholders(key: str) -> None:
    nl, en = MESSAGES[key]
    assert nl.strip() and en.strip()
    assert _fields(nl) == _fields(en)


def test_message_fills_placeholders_and_defaults_to_dutch() -> None:
    assert message("fin.unit", unit="€ 1.000") == "Bedragen x € 1.000"
    assert message("fin.unit", "en", unit="€ 1,000") == "Amounts in € 1,000"
    with pytest.raises(KeyError):
        message("no.such.key")


def test_templates_only_use_known_keys() -> None:
    from pathlib import Path

    import rekenschap.render as render

    templates = Path(render.__file__).parent / "templates"
    used = {m for path in templates.glob("*.j2")
            for m in re.findall(r"m\('([a-z.]+)'", path.read_text(encoding="utf-8"))}
    assert used and used <= set(MESSAGES), used - set(MESSAGES)


def test_check_lang() -> None:
    assert check_lang("en") == "en"
    with pytest.raises(ValueError, match="unsupported language 'de'"):
        check_lang("de")
