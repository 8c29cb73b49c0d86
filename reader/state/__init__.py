"""Persistent state: what the reader has read, where, bookmarks, UI settings, and the index.

Pure (standard-library `sqlite3`, no Textual). `store` owns the database, `index` keeps
the article index in step with the files, `search` owns library search and snippets,
`codec` turns a loaded article into a stored record and back.
"""
