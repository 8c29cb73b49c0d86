"""Snapshot tests draw the app built by the Pilot tests' fixtures, once it has settled."""

from typing import Any

from tests.app.conftest import english, hanoi, make_app

__all__ = ["english", "hanoi", "make_app", "settled"]


async def settled(pilot: Any) -> None:
    """A `run_before`: the footer comes just after the first paint; its keys once it is mounted."""
    await pilot.pause()
    await pilot.pause()
