"""Persistent state: what the reader has read, where, bookmarks (per article identity), and the index.

Pure (standard-library `sqlite3`, no Textual). `store` owns the database, `reading` the
reading state per article identity, `index` keeps the article index in step with the
files, `search` owns library search and snippets, `codec` turns a loaded article into a
stored record and back, `deferred` does the app's state writes on a thread of their own.
"""
