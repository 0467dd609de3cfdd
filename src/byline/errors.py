"""Errors byline raises on input it cannot turn into a record."""


class ExtractionError(Exception):
    """The input cannot be read as an HTML page (empty, binary, unparseable...).

    The message says why in plain words; it is safe to show to a user.
    """


class NoArticleError(ExtractionError):
    """The page was read but holds no text to return: empty, a bare title, a menu.

    A page with any text gives a record instead, ``Article.body_quality`` saying how sure
    byline is of its body.
    """
