"""Only plain http(s) links whose shown text is exactly what is opened."""

from __future__ import annotations

import pytest

from reader.article.urls import check_url

REFUSED = {
    "javascript:alert(1)": "only http and https links are opened ('javascript:')",
    "file:///etc/passwd": "only http and https links are opened ('file:')",
    "data:text/html,hi": "only http and https links are opened ('data:')",
    "vscode://open": "only http and https links are opened ('vscode:')",
    "example.com": "only http and https links are opened (no scheme)",
    "%action": "only http and https links are opened (no scheme)",
    "-new-window https://x": "only http and https links are opened (no scheme)",
    "https://example.com/\u202egnp.exe": "the URL contains an invisible or control character "
    "(U+202E RIGHT-TO-LEFT OVERRIDE)",
    "https://trusted.example@evil.example/": "the URL hides its real host behind user info ('@')",
    "\x01https://x": "the URL contains an invisible or control character (U+0001 a control character)",
    "https://ex\tample.com": "the URL contains an invisible or control character (U+0009 a control character)",
    "https://x\n": "the URL contains an invisible or control character (U+000A a control character)",
    "https://": "the URL has no host",
}


@pytest.mark.parametrize("url", sorted(REFUSED))
def test_refused_with_its_reason(url: str) -> None:
    check = check_url(url)
    assert not check.ok
    assert check.reason == REFUSED[url]


def test_a_news_link_is_accepted_as_written() -> None:
    url = "https://dantri.com.vn/thoi-su/khai-mac-le-mo-ky-cong-uoc-ha-noi-20251025094537779.htm"
    assert check_url(url).ok
    assert check_url(url).display() == url


def test_shell_characters_are_just_characters() -> None:
    assert check_url("https://x/?q=1;touch /tmp/p&$(id)").ok


def test_a_lookalike_host_is_shown_in_punycode() -> None:
    check = check_url("https://аpple.com/")  # Cyrillic а
    assert check.ok
    assert check.display() == "https://аpple.com/ (host: xn--pple-43d.com)"
