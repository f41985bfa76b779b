"""Learned parts of extraction: text classifiers that relabel the act and event type.

The rules decide structure (which statement, speaker, cue, content spans, agent, date);
two small spaCy `textcat` models trained on the project's annotated articles then read
the cue, the content and what the rules decided, and override the act or the event type
only where they are confident (`relabel.py`). `train.py` rebuilds them.
"""
