"""The app fixtures, shared with the TUI tests."""

from tests.app.conftest import clipboard, make_app, notifications, opened_urls

__all__ = ["clipboard", "make_app", "notifications", "opened_urls"]
