"""The Python API: the one entry point the CLI, the web app and the Spark job call.

``core`` ingests (read, extract through ``stream``, store, update the record); ``queries``
reads statements, speakers and articles; ``exports`` writes the record out. The
cross-article record: ``timelines`` (events and statements in date order), ``profiles`` (one
speaker's profile), ``comparisons`` (who reported what on a day), ``groups`` (the reports of
one remark and which came first), ``corrections`` (the user's registry and outlet rules).
Every function takes ``db`` as a path, an open :class:`onrecord.store.db.Store` or None
(``access``).
"""

from onrecord.api.access import open_store
from onrecord.api.comparisons import compare
from onrecord.api.core import IngestReport, ingest, ingest_articles
from onrecord.api.exports import ExportReport, export
from onrecord.api.profiles import speaker
from onrecord.api.queries import (
    ArticleView,
    article,
    articles,
    counts,
    require_speaker,
    speakers,
    statements,
    stream_statements,
)
from onrecord.api.timelines import timeline

__all__ = [
    "ArticleView",
    "ExportReport",
    "IngestReport",
    "article",
    "articles",
    "compare",
    "counts",
    "export",
    "ingest",
    "ingest_articles",
    "open_store",
    "require_speaker",
    "speaker",
    "speakers",
    "statements",
    "stream_statements",
    "timeline",
]
