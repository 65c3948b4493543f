"""Russian-language extraction on natasha: the same statements, from Russian wire copy.

``onrecord.extract.pipeline`` routes an article here when its language is Russian (see
:mod:`onrecord.extract.routing`). Nothing here is imported on the English path: natasha and
its models load on the first Russian article.

Modules, each with one job: ``nlp`` (natasha's parse, line by line), ``layout`` (headline
lines and dateline), ``quotes`` (quotation marks), ``lexicon`` (the words of speech),
``clauses`` (cue verb, subject, speaker words from the parse), ``direct``, ``reported`` and
``headline`` (the finders), ``names`` (people, nominative names, roles), ``speakers``
(canonical names, pronouns, roles), ``pipeline`` (the order of work).
"""

from __future__ import annotations

from onrecord.extract.ru.pipeline import extract_russian, extract_russian_many

__all__ = ["extract_russian", "extract_russian_many"]
