"""Bytes to text without silent mangling.

Order of trust: a byte-order mark, then UTF-8 (valid UTF-8 with non-ASCII bytes is almost
never an accident, so it beats a declaration that says otherwise: pages that declare
``windows-1251`` and were re-saved as UTF-8 are common), then the declared encoding if the
bytes read plausibly in it, then charset-normalizer's best guess. When nothing fits with
confidence we refuse with an :class:`InputError` rather than store mojibake, because a
quote with the wrong letters cannot be searched or attributed.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import CharsetMatch, from_bytes

from onrecord.errors import InputError
from onrecord.ingest.detect import is_binary

_BOM_CODECS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text, the codec used, and a note when a declaration was overruled."""

    text: str
    encoding: str
    note: str | None = None


def normalize_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n`` so offsets agree across platforms."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def codec_name(label: str | None) -> str | None:
    """The Python codec for an encoding label (``Windows-1251`` -> ``cp1251``), or None."""
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None


def decode(data: bytes, source: str, declared: str | None = None) -> Decoded:
    """Decode ``data`` (a whole document) to text with ``\\n`` newlines and no BOM.

    ``declared`` is what the document or its transport claims (HTML ``<meta charset>``,
    XML prolog, HTTP header). Raises InputError for empty, binary or undecodable input.
    """
    if not data.strip():
        raise InputError("empty file", source=source)
    for bom, codec in _BOM_CODECS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"not valid {codec} despite its byte-order mark ({exc.reason} "
                    f"at byte {exc.start})",
                    source=source,
                ) from None
            return Decoded(normalize_newlines(text.lstrip("\ufeff")), codec)
    if is_binary(data[:65536]):
        raise InputError("binary file (contains NUL bytes), not text", source=source)
    wanted = codec_name(declared)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        note = None
        if wanted and wanted not in ("utf-8", "ascii") and not data.isascii():
            note = f"declared {declared} but the bytes are UTF-8; read as UTF-8"
        return Decoded(normalize_newlines(text), "utf-8", note)
    guess = from_bytes(data).best()
    if wanted and wanted != "utf-8":
        fits = from_bytes(data, cp_isolation=[wanted]).best()
        if fits is not None and not _clearly_better(guess, fits):
            return Decoded(normalize_newlines(str(fits)), wanted)
    if guess is None:
        raise InputError(
            "cannot tell the text encoding (not UTF-8, and no legacy encoding reads it plausibly)",
            source=source,
        )
    note = None
    if declared:
        note = f"declared {declared} but the bytes do not read as it; detected {guess.encoding}"
    return Decoded(normalize_newlines(str(guess)), guess.encoding, note)


def _clearly_better(guess: CharsetMatch | None, declared: CharsetMatch) -> bool:
    """Whether the detector's guess reads the bytes clearly better than the declaration.

    Latin-1 decodes any bytes, so "the declared codec works" proves nothing; a Russian
    page declared Latin-1 reads as accented gibberish (more mess, no language coherence).
    Near-ties keep the declaration: the author knew their page better than a statistic.
    """
    if guess is None or str(guess) == str(declared):
        return False
    return guess.chaos + 0.1 <= declared.chaos or guess.coherence >= declared.coherence + 0.2
