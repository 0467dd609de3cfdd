"""byline's web interface: search a corpus, read records, inspect extractions.

``byline.web.app.create_app(db_path)`` builds the FastAPI app; ``serve`` runs
it with uvicorn; ``add_command`` and ``dispatch`` wire ``byline serve`` into
the command line. Importing this package needs no web library.
"""

from byline.web.command import add_command, dispatch, serve

__all__ = ["add_command", "dispatch", "serve"]
