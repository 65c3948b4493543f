"""A split quote's attribution words are not part of what was said: two outlets that report
the same remark split by different attributions ("Holm said" / "Holm told reporters") are one
statement, compared on the speaker's words only. Real readers and extractor, invented text."""

from __future__ import annotations

from pathlib import Path

from onrecord.api import compare, ingest
from onrecord.ingest import Hints

A = (
    "Harbour to reopen, says Holm\n\n"
    "TIRENNA, May 4. /TPA/. Harbour master Ivo Holm spoke on Monday.\n\n"
    '"The northern pier will reopen on Friday," Holm said. "Ships may dock from noon, '
    'and the fees stay as they are."\n'
)
B = (
    "4 May 2026 10:05\n\n"
    "Northern pier reopens Friday - Holm\n\n"
    "TIRENNA. May 4 (Nordfax) - Harbour master Ivo Holm briefed the press on Monday.\n\n"
    '"The northern pier will reopen on Friday," Holm told reporters at the port office. '
    '"Ships may dock from noon, and the fees stay as they are."\n'
)


def test_split_quotes_with_different_attributions_link_without_a_diff(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    db = tmp_path / "r.db"
    report = ingest([tmp_path / "a.txt", tmp_path / "b.txt"], db=db, hints=Hints(year=2026))
    assert not report.failed
    groups = compare("Holm", "2026-05-04", db=db)
    quoted = [g for g in groups if "Ships may dock" in g.reports[0].text]
    assert len(quoted) == 1, [[r.text for r in g.reports] for g in groups]
    reports = quoted[0].reports
    assert sorted(r.outlet or "" for r in reports) == ["Nordfax", "TPA"]
    assert all(" … " in r.text and "told" not in r.text for r in reports)
    assert all(not r.diff for r in reports)
