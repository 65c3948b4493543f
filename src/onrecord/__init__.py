"""onrecord: who said what, when, to whom, and who reported it.

The public API is re-exported here; see README.md for a tour.
"""

from onrecord.errors import InputError, OnrecordError, StoreError, UsageError
from onrecord.model import Article, Person, Span, Speaker, Statement

__version__ = "0.1.0"

__all__ = [
    "Article",
    "InputError",
    "OnrecordError",
    "Person",
    "Span",
    "Speaker",
    "Statement",
    "StoreError",
    "UsageError",
    "__version__",
]
