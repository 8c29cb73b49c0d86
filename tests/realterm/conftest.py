"""The real-terminal suite's X display: one private Xvfb for the whole session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.realterm.harness import missing_tools, xvfb


@pytest.fixture(scope="session")
def display() -> Iterator[str]:
    missing = missing_tools()
    if missing:
        pytest.skip(f"the real-terminal suite needs: apt install {' '.join(missing)}")
    with xvfb() as name:
        yield name
