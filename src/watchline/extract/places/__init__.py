"""Places of a text and of a claim, as extraction sees them.

`toponyms.py` asks the gazetteer (`watchline.geo`) for a text's toponyms and drops the
names that the actor dictionary knows as people or outlets; `mentions.py` keeps the
mentions that fall inside a claim's content.
"""
