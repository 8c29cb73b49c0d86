"""Snapshot tests draw the app built by the Pilot tests' fixtures."""

from tests.app.conftest import english, hanoi, make_app

__all__ = ["english", "hanoi", "make_app"]
