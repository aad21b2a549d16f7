"""Shared fixtures: where the real material lives, skipping with a reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__import__("os").environ.get("REKENSCHAP_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
SEED = SHARED / "seeds" / "groningen-2024-veiligheid.txt"
EXAMPLE = ROOT / "examples" / "groningen-2024-veiligheid.yaml"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"needs {path} (../shared is absent in a plain clone; present in CI)")
    return path


@pytest.fixture
def corpus() -> Path:
    """``../shared/corpus``; tests using it skip when it is absent."""
    return _need(CORPUS)


@pytest.fixture
def seed_path() -> Path:
    """The Groningen seed text dump."""
    return _need(SEED)


@pytest.fixture
def example_path() -> Path:
    """The hand transcription of the seed (the golden reference)."""
    return EXAMPLE


def corpus_file(*parts: str) -> Path:
    """A corpus file for parametrised tests; skips when absent."""
    return _need(CORPUS.joinpath(*parts))
