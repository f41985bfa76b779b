"""The names of the ingest formats, without importing their readers.

The CLI needs these for its help text; the readers pull in HTML extraction and HTTP
libraries, which `watchline --help` should not wait for. `formats.READERS` has one
reader per name here (tests/ingest/test_format_names.py holds them together).
"""

FORMATS = ("auto", "text", "markdown", "html", "rss", "urls", "telegram", "x", "jsonl")
