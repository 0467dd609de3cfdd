"""``byline watch``: a corpus that keeps itself current and remembers every version.

The package by concern: ``schedule`` (when a story is visited again; durations),
``sites`` (the feeds and sitemaps to read), ``rounds`` (one round of visits),
``command`` (the ``watch`` and ``history`` commands).
"""
