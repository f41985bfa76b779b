"""The NLP pipeline: attribution, acts, events, actors, places and dates."""
