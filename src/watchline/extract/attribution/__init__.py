"""Attribution: who said what — each reported statement found, with its speaker span,
cue and content.

Statements open with a cue word (`cues.py`), a colon (`colons.py`), a nominal phrase
such as "according to" (`nominal.py`) or an embedded post (`posts.py`); `frames.py`
finds a cue's content, `quotes.py` pairs quotation marks, and `statements.py` settles
nesting and overlaps into one statement each. Spans, datelines and time words are the
helpers that keep every span to what was said.
"""
