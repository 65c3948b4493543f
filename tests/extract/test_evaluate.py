"""The eval metrics on tiny hand-made gold and predictions (definitions in onrecord.evaluate
and onrecord.metrics)."""

from __future__ import annotations

import pytest

from onrecord.evaluate import GoldDocument, evaluate, format_table, gold_from_json, match
from onrecord.metrics import canonical_key, normalise_content, overlap, same_canonical
from onrecord.model import Span, Speaker, Statement

TEXT = 'Mayor Ilse Varga said the bridge will reopen in May. "We are ready," she added.'
#        0         1         2         3         4         5         6         7
#        0123456789012345678901234567890123456789012345678901234567890123456789012345678


def _gold(quotes: list[dict]) -> GoldDocument:
    return gold_from_json({"id": "t", "text": TEXT, "quotes": quotes}, "test")


def _pred(
    start: int,
    end: int,
    *,
    kind: str = "indirect",
    mention: tuple[int, int] | None = None,
    name: str | None = None,
    cue: tuple[int, int] | None = None,
) -> Statement:
    speaker = None
    if mention or name:
        m = Span.of(TEXT, *mention) if mention else None
        speaker = Speaker(name=name, mention=m)
    return Statement(
        kind=kind,  # type: ignore[arg-type]
        content=Span.of(TEXT, start, end),
        speaker=speaker,
        cue=Span.of(TEXT, *cue) if cue else None,
    )


REPORTED = {  # "the bridge will reopen in May", said by Mayor Ilse Varga
    "kind": "indirect",
    "content_spans": [[22, 51]],
    "speaker_spans": [[0, 16]],
    "speaker": "Mayor Ilse Varga",
    "cue": "said",
    "cue_spans": [[17, 21]],
}
QUOTE = {  # "We are ready," said by "she"
    "kind": "direct",
    "content_spans": [[54, 66]],
    "speaker_spans": [[68, 71]],
    "speaker": "she",
    "cue": "added",
    "cue_spans": [[72, 77]],
}


def test_overlap_is_share_of_gold_characters() -> None:
    assert overlap([(0, 10)], [(5, 20)]) == pytest.approx(0.5)
    assert overlap([(0, 10)], [(0, 3), (8, 10)]) == pytest.approx(0.5)
    assert overlap([(0, 10), (20, 30)], [(0, 30)]) == 1.0
    assert overlap([(0, 10)], [(10, 20)]) == 0.0


def test_greedy_match_uses_each_prediction_once() -> None:
    gold = _gold([REPORTED, dict(REPORTED, content_spans=[[22, 40]])])
    preds = [_pred(22, 51)]
    assert match(gold.statements, preds, 0.3) == [(0, 0)]


def test_content_thresholds_and_exact() -> None:
    gold = _gold([REPORTED, QUOTE])
    # second prediction covers 6 of 12 gold characters: matches at 0.3, not at 0.8
    preds = [_pred(22, 51, mention=(0, 16), cue=(17, 21)), _pred(54, 60, kind="direct")]
    res = evaluate([gold], [preds])["all"]
    assert res["content@0.3"]["f1"] == pytest.approx(100.0)
    assert res["content@0.8"]["precision"] == pytest.approx(50.0)
    assert res["content@0.8"]["recall"] == pytest.approx(50.0)
    assert res["exact"]["f1"] == pytest.approx(50.0)


def test_exact_ignores_marks_final_punctuation_and_leading_that() -> None:
    assert normalise_content('"We are ready,"') == "We are ready"
    assert normalise_content("that the bridge will reopen.") == "the bridge will reopen"
    assert normalise_content("  two\n words ") == "two words"


def test_attribution_by_mention_without_canonical_names() -> None:
    gold = _gold([REPORTED, QUOTE])
    preds = [
        _pred(22, 51, mention=(6, 16)),  # "Ilse Varga" overlaps the gold speaker span
        _pred(54, 66, kind="direct", mention=(0, 5)),  # "Mayor" at the wrong place
    ]
    res = evaluate([gold], [preds])
    assert res["all"]["attribution_mention"]["f1"] == pytest.approx(50.0)
    assert res["all"]["mention_accuracy"] == pytest.approx(50.0)
    # no canonical names in the gold: no canonical figures, the headline is the mention one
    assert res["all"]["canonical_accuracy"] is None
    assert res["all"]["attribution_canonical"] is None
    assert res["all"]["attribution_by"] == "mention"
    assert res["all"]["attribution"] == res["all"]["attribution_mention"]
    assert res["direct"]["attribution"]["recall"] == 0.0
    assert res["indirect"]["attribution"]["recall"] == pytest.approx(100.0)


def test_attribution_by_canonical_name_when_gold_has_one() -> None:
    gold = _gold([dict(QUOTE, speaker_canonical="Ilse Varga")])
    right = _pred(54, 66, kind="direct", mention=(68, 71), name="Ilse Varga")
    wrong = _pred(54, 66, kind="direct", mention=(68, 71), name="she")
    assert evaluate([gold], [[right]])["all"]["attribution"]["f1"] == pytest.approx(100.0)
    res = evaluate([gold], [[wrong]])["all"]
    assert res["attribution"]["f1"] == 0.0
    assert res["attribution_by"] == "canonical"
    assert res["mention_accuracy"] == pytest.approx(100.0)
    assert res["canonical_accuracy"] == 0.0


def test_mention_and_canonical_attribution_are_separate_rows() -> None:
    gold = _gold(
        [
            dict(REPORTED, speaker_canonical="Ilse Varga"),
            dict(QUOTE, speaker_canonical="Ilse Varga"),
        ]
    )
    preds = [
        # right name ("Mayor" is a title), mention elsewhere: canonical right, mention wrong
        _pred(22, 51, mention=(54, 66), name="Mayor Ilse Varga"),
        # mention "she" right, name left unresolved: mention right, canonical wrong
        _pred(54, 66, kind="direct", mention=(68, 71), name="she"),
    ]
    res = evaluate([gold], [preds])
    assert res["all"]["attribution_mention"]["f1"] == pytest.approx(50.0)
    assert res["all"]["attribution_canonical"]["f1"] == pytest.approx(50.0)
    assert res["indirect"]["attribution_mention"]["recall"] == 0.0
    assert res["indirect"]["attribution_canonical"]["recall"] == pytest.approx(100.0)
    assert res["direct"]["attribution_mention"]["recall"] == pytest.approx(100.0)
    assert res["direct"]["attribution_canonical"]["recall"] == 0.0
    assert res["all"]["mention_accuracy"] == pytest.approx(50.0)
    assert res["all"]["canonical_accuracy"] == pytest.approx(50.0)
    assert res["all"]["attribution"] == res["all"]["attribution_canonical"]


def test_canonical_attribution_of_speakerless_and_partly_annotated_gold() -> None:
    # REPORTED has a canonical name; QUOTE has no speaker at all, so it wants no name
    speakerless = dict(QUOTE, speaker=None, speaker_spans=[])
    gold = _gold([dict(REPORTED, speaker_canonical="Ilse Varga"), speakerless])
    named = _pred(54, 66, kind="direct", name="Ilse Varga")
    unnamed = _pred(54, 66, kind="direct", mention=(0, 16))  # a mention, but no name
    first = _pred(22, 51, mention=(0, 16), name="Ilse Varga")
    assert evaluate([gold], [[first, named]])["all"]["canonical_accuracy"] == pytest.approx(50.0)
    res = evaluate([gold], [[first, unnamed]])["all"]
    assert res["canonical_accuracy"] == pytest.approx(100.0)
    assert res["mention_accuracy"] == pytest.approx(50.0)  # the mention should be absent
    # a speaker without a canonical name (gold annotated in part) is judged by its mention
    gold = _gold([dict(REPORTED, speaker_canonical="Ilse Varga"), QUOTE])
    she = _pred(54, 66, kind="direct", mention=(68, 71), name="Ilse Varga")
    assert evaluate([gold], [[first, she]])["all"]["attribution_canonical"]["f1"] == 100.0


def test_table_shows_canonical_rows_only_for_canonical_gold() -> None:
    pred = _pred(22, 51, mention=(0, 16), name="Ilse Varga")
    plain = format_table(evaluate([_gold([REPORTED])], [[pred]]), kinds=False)
    assert "attribution (mention) F" in plain
    assert "canonical" not in plain
    named = _gold([dict(REPORTED, speaker_canonical="Ilse Varga")])
    table = format_table(evaluate([named], [[pred]]), kinds=True)
    for label in ("attribution (mention) F", "attribution (canonical) F", "canonical accuracy"):
        assert label in table
    assert table.index("mention accuracy") < table.index("canonical accuracy")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ilse Varga", "ilse  VARGA"),  # case, spaces
        ("José Núñez", "Jose Nunez"),  # accents
        ("Varga’s office", "Varga's office"),  # curly and straight apostrophes
        ("Varga's campaign", "Varga campaign"),  # possessive 's
        ("The Harbour Authority", "Harbour Authority"),  # leading article
        ("Mayor Ilse Varga", "Ilse Varga"),  # titles, with or without a dot
        ("Dr. Ilse Varga", "Dr Ilse Varga"),
        ("Sen. Ilse Varga", "Ilse Varga"),
        ("Prime Minister Ilse Varga", "Ilse Varga"),
        ("Mrs. Varga", "Varga"),
        ("Ilse Varga and Gov. Tom Holm", "Ilse Varga and Tom Holm"),  # before each name
        ("Ilse Varga-Holm.", "ilse varga-holm"),  # punctuation, an inner hyphen kept
    ],
)
def test_canonical_names_equal(a: str, b: str) -> None:
    assert canonical_key(a) == canonical_key(b)
    assert same_canonical(a, b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ilse Varga", "Tom Varga"),  # another first name
        ("Varga", "Ilse Varga"),  # a surname is not the full name
        ("Ilse M. Varga", "Ilse Varga"),  # a middle initial counts
        ("Ilse Varga-Holm", "Ilse Varga Holm"),  # an inner hyphen counts
        ("the Mayor", "Ilse Varga"),  # a title alone is no name to drop it from
        ("the Mayor's office", "the office"),  # possessive: a title kept before no name
        ("Ilse Varga and Tom Holm", "Ilse Varga"),
        ("a Varga aide", "Varga aide"),  # only "the" is ignored: "a" says unnamed
        (None, None),  # no name equals nothing
        ("", ""),
    ],
)
def test_canonical_names_differ(a: str | None, b: str | None) -> None:
    assert not same_canonical(a, b)


def test_canonical_key_keeps_a_title_with_nothing_after_it() -> None:
    assert canonical_key("the President") == "president"
    assert canonical_key("President Ilse Varga") == "ilse varga"


def test_cue_accuracy_and_kind_breakdown() -> None:
    gold = _gold([REPORTED, QUOTE])
    preds = [_pred(22, 51, cue=(17, 21)), _pred(54, 66, kind="indirect", cue=(0, 5))]
    res = evaluate([gold], [preds])
    assert res["all"]["cue_accuracy"] == pytest.approx(50.0)
    # the quote predicted as "indirect": direct recall counts it, direct precision has no preds
    assert res["direct"]["content@0.3"]["recall"] == pytest.approx(100.0)
    assert res["direct"]["predicted"] == 0
    assert res["indirect"]["content@0.3"]["precision"] == pytest.approx(100.0)


def test_empty_prediction_scores_zero_not_error() -> None:
    res = evaluate([_gold([REPORTED])], [[]])["all"]
    assert res["content@0.3"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
