"""News from the web: feeds and pages become articles in the user's library.

Pure code (no Textual): HTTP with limits (`http`), feeds (`feeds`, `opml`,
`subscriptions`, `fetch`), news pages (`page`) and what their text says (`language`).
Imported only by the commands that use it (`reader feeds`, `reader fetch`, `reader import
URL|FILE.html`) and by the library's fetch worker, never on the reading screen's start-up.
"""
