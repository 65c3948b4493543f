"""onrecord: who said what, when, to whom, and who reported it.

The public API is re-exported here; see README.md for a tour.
"""

from onrecord.errors import InputError, OnrecordError, StoreError, UsageError
from onrecord.model import Article, Span, Speaker, Statement

__version__ = "0.1.0"

__all__ = [
    "Article",
    "InputError",
    "OnrecordError",
    "Span",
    "Speaker",
    "Statement",
    "StoreError",
    "UsageError",
    "__version__",
]
