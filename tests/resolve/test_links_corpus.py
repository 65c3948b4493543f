"""Cross-outlet links on an invented briefing reported by two outlets.

NORDWIRE and Baltic Courier report the same briefing by spokesman Ivo Brenn: with different
reporting verbs, one quote trimmed and one extended, different punctuation, and one word
changed in translation ("achieved" / "ensured"). A week later Brenn repeats a remark, and
another official says the same words: neither may join the briefing's groups.
"""

from __future__ import annotations

import pytest

from onrecord.api import compare, timeline
from onrecord.resolve.links import (
    changed_words,
    render_diff,
    same_statement,
    shingles,
    similarity,
    within_window,
    word_diff,
)
from onrecord.store.db import Store
from support.builders import AddArticle, Said

NORDWIRE = (
    "LUNDGRAD, March 21. /NORDWIRE/. Spokesman Ivo Brenn said the talks matter.\n"
    '"We see no progress in the talks so far, but the decision to meet is important," '
    "Brenn said.\n"
    '"The delegation leaves for Kelborg today," he added.\n'
    '"No significant progress has been achieved thus far," Brenn stressed.\n'
    '"We will not disclose any details of the talks," Brenn said.'
)
COURIER = (
    "LUNDGRAD. March 21 (Baltic Courier) - Presidential spokesman Ivo Brenn spoke on Monday.\n"
    '"We see no progress in the talks so far - but the very decision to meet is important, '
    'of course," Brenn told journalists.\n'
    '"The delegation leaves for Kelborg today. We expect the meeting tomorrow," Brenn noted.\n'
    '"No significant progress has been ensured thus far," he said.\n'
    '"Mediators should use their influence on the other side," Brenn said.'
)
LATER = (
    "LUNDGRAD, March 29. /NORDWIRE/.\n"
    '"No significant progress has been achieved thus far," Brenn repeated.\n'
    '"No significant progress has been achieved thus far," minister Olga Sand said.'
)


@pytest.fixture
def briefing(store: Store, add: AddArticle) -> Store:
    add("nw-0321", "NORDWIRE", "2022-03-21T09:10:00+03:00", NORDWIRE, [
        Said("We see no progress in the talks so far, but the decision to meet is important,",
             "Ivo Brenn"),
        Said("The delegation leaves for Kelborg today,", "Ivo Brenn", cue="added"),
        Said("No significant progress has been achieved thus far,", "Ivo Brenn", cue="stressed"),
        Said("We will not disclose any details of the talks,", "Ivo Brenn"),
    ])  # fmt: skip
    add("bc-0321", "Baltic Courier", "2022-03-21T11:47:00+03:00", COURIER, [
        Said("We see no progress in the talks so far - but the very decision to meet is "
             "important, of course,", "Ivo Brenn", cue="told"),
        Said("The delegation leaves for Kelborg today. We expect the meeting tomorrow,",
             "Ivo Brenn", cue="noted"),
        Said("No significant progress has been ensured thus far,", "Ivo Brenn"),
        Said("Mediators should use their influence on the other side,", "Ivo Brenn"),
    ])  # fmt: skip
    add("nw-0329", "NORDWIRE", "2022-03-29", LATER, [
        Said("No significant progress has been achieved thus far,", "Ivo Brenn", cue="repeated"),
        Said("No significant progress has been achieved thus far,", "Olga Sand"),
    ])  # fmt: skip
    return store


def _groups(store: Store) -> list[list[str]]:
    rows = store.conn.execute(
        "SELECT m.group_id, a.doc_id || ':' || s.position FROM link_members m"
        " JOIN statements s ON s.id = m.statement_id JOIN articles a ON a.id = s.article_id"
        " ORDER BY m.group_id, a.seq, s.position"
    ).fetchall()
    out: dict[int, list[str]] = {}
    for gid, key in rows:
        out.setdefault(gid, []).append(key)
    return sorted(out.values())


def test_the_briefing_is_linked_into_groups(briefing: Store) -> None:
    assert _groups(briefing) == [
        ["bc-0321:3"],  # said only by the Courier's version
        ["nw-0321:0", "bc-0321:0"],  # other verb, extended, dash for comma
        ["nw-0321:1", "bc-0321:1"],  # extended by a sentence
        ["nw-0321:2", "bc-0321:2"],  # one word changed
        ["nw-0321:3"],
        ["nw-0329:0"],  # a week later: said again, a new statement
        ["nw-0329:1"],  # other speaker, same words
    ]


def test_compare_shows_first_report_outlets_and_the_changed_word(briefing: Store) -> None:
    groups = compare("Brenn", "2022-03-21", db=briefing)
    assert len(groups) == 5
    linked = [g for g in groups if len(g.reports) == 2]
    assert len(linked) == 3
    for g in linked:
        assert (g.first_outlet, g.outlets) == ("NORDWIRE", ("NORDWIRE", "Baltic Courier"))
        assert g.reports[0].first and not g.reports[1].first
    changed = {tuple(c) for g in linked for c in g.reports[1].changed}
    assert changed == {("achieved", "ensured"), ("", "very")}
    word = next(g for g in linked if ("achieved", "ensured") in g.reports[1].changed)
    assert "[-achieved-] {+ensured+}" in word.reports[1].row()["diff"]
    extended = next(g for g in linked if "Kelborg" in g.reports[0].text)
    assert extended.reports[1].changed == []  # only added at the end: a trim, not a change


def test_timeline_lists_each_statement_once_with_its_outlets(briefing: Store) -> None:
    entries = timeline(briefing, speaker="Ivo Brenn", since="2022-03-21", until="2022-03-21")
    assert len(entries) == 5
    assert {e.outlets for e in entries} == {
        ("NORDWIRE", "Baltic Courier"),
        ("NORDWIRE",),
        ("Baltic Courier",),
    }
    assert all(e.speaker == "Ivo Brenn" and e.start == "2022-03-21" for e in entries)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("We will meet again soon.", "we will meet again soon", True),
        ("We will meet again soon, he said.", "We will meet again soon", True),
        (
            "No. As a matter of fact, any pause is used to regroup.",
            "Any pause is used to regroup.",
            True,
        ),
        ("The talks have stalled.", "The bridge will open in May.", False),
        ("No.", "No comment.", False),
        (
            "We prefer not to go into the details of the talks.",
            "We prefer to keep the details of the talks to ourselves.",
            False,
        ),
    ],
)
def test_similarity_pairs(a: str, b: str, same: bool) -> None:
    assert same_statement(a, b) is same, similarity(shingles(a), shingles(b))


def test_word_diff_keeps_each_outlets_words() -> None:
    ops = word_diff(
        "Progress has been Achieved thus far, he said", "progress has been ensured thus far -"
    )
    assert changed_words(ops) == [("Achieved", "ensured")]  # trailing words: a trim
    assert render_diff(ops) == "Progress has been [-Achieved-] {+ensured+} thus far, [-he said-]"


def test_window_handles_missing_years() -> None:
    assert within_window("2022-03-21", "--03-23")
    assert not within_window("2022-03-21", "--03-28")
    assert within_window("--12-31", "--01-01")
    assert not within_window("2022-03-21", "2021-03-21")
    assert within_window(None, "2022-03-21")
