"""The Python API: the same operations as the CLI, as functions.

``core`` holds ingest and the per-article queries (statements, speakers, articles, export);
``record`` the cross-article views (timeline, one speaker's profile, cross-outlet comparison).
Every function takes ``db`` as a path or an open :class:`onrecord.store.db.Store`.
"""

from onrecord.api.core import (
    ArticleView,
    ExportReport,
    IngestReport,
    article,
    articles,
    counts,
    export,
    ingest,
    ingest_articles,
    open_store,
    speakers,
    statements,
)
from onrecord.api.views import compare, speaker, timeline

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
    "speaker",
    "speakers",
    "statements",
    "timeline",
]
