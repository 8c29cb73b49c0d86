"""Which source URLs the reader will open, and how it shows them.

A news link is opened only when what the reader shows is exactly what the browser gets:
- `http` or `https` with a host; nothing else (`javascript:`, `file:`, `data:`, custom
  schemes, a bare word, a string starting with `-` that a browser would take for an option);
- at most 4,096 characters, so that it can be shown whole;
- no control or invisible formatting characters, no whitespace but an inner space (a U+202E in a URL
  would show `gnp.exe` as `exe.png`);
- no user info (`https://trusted.example@evil.example/` goes to evil.example);
- a host outside ASCII is shown in punycode beside its Unicode form, so `аpple.com` with a
  Cyrillic а cannot pass for apple.com.

The loader reports a bad `source.url` with these same reasons, and the app refuses to
open it; both call `check_url`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("http", "https")
MAX_URL_LENGTH = 4_096  # a news link is far shorter; a longer one cannot be shown whole


@dataclass(frozen=True)
class UrlCheck:
    """The verdict on a URL: `reason` is None when it may be opened."""

    url: str
    reason: str | None
    ascii_host: str | None = None  # the punycode form, when the host is not ASCII

    @property
    def ok(self) -> bool:
        return self.reason is None

    def display(self) -> str:
        """The URL as shown to the reader, with the punycode host when it differs."""
        if self.ascii_host:
            return f"{self.url} (host: {self.ascii_host})"
        return self.url


def _hidden_character(url: str) -> str | None:
    """The first character that would not show as itself; a plain space inside is visible."""
    for position, char in enumerate(url):
        if char == " " and 0 < position < len(url) - 1:
            continue
        category = unicodedata.category(char)
        if char.isspace() or category in ("Cc", "Cf", "Cs", "Zl", "Zp", "Zs"):
            name = unicodedata.name(char, "a control character")
            return f"U+{ord(char):04X} {name}"
    return None


def _punycode(host: str) -> str | None:
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return None


def check_url(url: str) -> UrlCheck:
    """Say whether `url` may be opened as a news source, and if not, why."""
    if len(url) > MAX_URL_LENGTH:
        return UrlCheck(url, f"the URL is {len(url):,} characters long; links over {MAX_URL_LENGTH:,} are not opened")
    hidden = _hidden_character(url)
    if hidden:
        return UrlCheck(url, f"the URL contains an invisible or control character ({hidden})")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as error:
        return UrlCheck(url, f"not a valid URL ({error})")
    if parts.scheme.lower() not in ALLOWED_SCHEMES:
        shown = f"'{parts.scheme}:'" if parts.scheme else "no scheme"
        return UrlCheck(url, f"only http and https links are opened ({shown})")
    if not url.lower().startswith(parts.scheme.lower() + "://") or not parts.hostname:
        return UrlCheck(url, "the URL has no host")
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        return UrlCheck(url, "the URL hides its real host behind user info ('@')")
    host = parts.hostname
    if host.isascii():
        return UrlCheck(url, None)
    ascii_host = _punycode(host)
    if ascii_host is None:
        return UrlCheck(url, f"the host '{host}' is not a valid international domain name")
    return UrlCheck(url, None, ascii_host)
