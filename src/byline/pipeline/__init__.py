"""The batch pipeline: from a crawl to a dataset (``byline run``).

>>> from byline.pipeline import run
>>> summary = run(["crawl/"], "articles.parquet", workers=4)
>>> summary.records, summary.errors, summary.pages_per_second

Data flows one way: readers (files, WARC, URL fetching, sitemaps and feeds)
yield items -> an engine (local processes or Dask) extracts them -> the runner
de-duplicates them in input order -> sinks (JSON Lines, Parquet, CSV, the
errors file) -> the journal, which makes every run resumable.
"""

from typing import Any

__all__ = ["Summary", "run"]


def __getattr__(name: str) -> Any:
    # Imported on first use: `byline extract` should not pay for pyarrow and rich.
    if name in __all__:
        from byline.pipeline import runner

        return getattr(runner, name)
    raise AttributeError(name)
