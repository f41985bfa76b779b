"""Events and acts: what a statement's content is about, and what the statement does.

`reader.py` reads the event type and its negation from the ontology's trigger words;
`acts.py` decides the speech act (statement, accusation, denial, …) from the cue and
the content.
"""
