"""``onrecord extract`` and ``onrecord eval`` end to end, on JSONL written here."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from onrecord.cli.main import main

DOC_A = {"id": "a", "text": '"The harbour is safe," port director Ana Lind said on Monday.'}
DOC_B = {"id": "b", "text": "Holm said that the budget was approved."}


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_extract_writes_one_line_per_input_line(tmp_path: Path) -> None:
    src = _write(tmp_path / "docs.jsonl", [json.dumps(DOC_A), json.dumps(DOC_B)])
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out)]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["a", "b"]
    st = lines[0]["statements"][0]
    assert st["kind"] == "direct"
    assert st["content"]["text"] == "The harbour is safe,"
    assert st["fragments"] == [[st["content"]["start"], st["content"]["end"]]]
    assert st["speaker"]["mention"]["text"] == "port director Ana Lind"
    assert st["cue"]["text"] == "said"
    assert lines[1]["statements"][0]["content"]["text"] == "the budget was approved"


def test_extract_reports_a_bad_line_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _write(
        tmp_path / "docs.jsonl",
        [json.dumps(DOC_A), "{not json", json.dumps({"id": "c"}), json.dumps(DOC_B)],
    )
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2
    assert f"{src}:2" in err[0] and "invalid JSON" in err[0]
    assert f"{src}:3" in err[1] and "'text'" in err[1]
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["a", "b"]


def test_extract_reads_lines_as_ingest_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The ingest JSONL reader's steps: a byline is the article's ("I" said it), a bad date
    or a line that is not UTF-8 is that line's error; a blank text still gets its line."""
    src = tmp_path / "docs.jsonl"
    lines = [
        json.dumps(
            {"id": "op", "text": "I said that the port would stay open.", "byline": "Ana Lind"}
        ),
        json.dumps({"id": "blank", "text": " "}),
        json.dumps({"id": "when", "text": "x", "published": "yesterday"}),
    ]
    src.write_bytes(("\n".join(lines) + "\n").encode() + b'{"id": "latin", "text": "caf\xe9"}\n')
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out)]) == 1
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [g["id"] for g in got] == ["op", "blank"]
    assert {s["speaker"]["name"] for s in got[0]["statements"]} == {"Ana Lind"}
    assert got[1]["statements"] == []
    err = capsys.readouterr().err.splitlines()
    assert f"{src}:3: 'published' is not an ISO date" in err[0]
    assert f"{src}:4: not valid UTF-8" in err[1]


def test_extract_reads_stdin(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    stdin = io.TextIOWrapper(io.BytesIO((json.dumps(DOC_B) + "\n").encode()), encoding="utf-8")
    monkeypatch.setattr("sys.stdin", stdin)
    assert main(["extract"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["id"] == "b" and len(line["statements"]) == 1


def test_eval_scores_predictions_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = DOC_B["text"]
    gold = dict(
        DOC_B,
        quotes=[
            {
                "kind": "indirect",
                "content_spans": [[15, 38]],
                "speaker_spans": [[0, 4]],
                "speaker": "Holm",
                "cue": "said",
                "cue_spans": [[5, 9]],
            }
        ],
    )
    assert text[15:38] == "the budget was approved"
    gold_path = _write(tmp_path / "gold.jsonl", [json.dumps(gold)])
    pred_path = tmp_path / "pred.jsonl"
    assert main(["extract", str(gold_path), "-o", str(pred_path)]) == 0
    capsys.readouterr()
    assert (
        main(["eval", str(gold_path), "--pred", str(pred_path), "--format", "json", "--kinds"]) == 0
    )
    res = json.loads(capsys.readouterr().out)["results"]
    assert res["all"]["exact"]["f1"] == 100.0
    assert res["indirect"]["attribution_mention"]["f1"] == 100.0
    assert res["indirect"]["attribution"] == res["indirect"]["attribution_mention"]
    assert res["all"]["attribution_canonical"] is None  # the gold has no canonical names
    assert main(["eval", str(gold_path)]) == 0
    table = capsys.readouterr().out
    assert "content@0.3 F" in table and "100.0" in table
    assert "attribution (mention) F" in table and "canonical" not in table


def test_eval_shows_canonical_rows_when_the_gold_has_canonical_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "Mayor Holm said that the budget was approved."
    quote = {
        "kind": "indirect",
        "content_spans": [[21, 44]],
        "speaker_spans": [[0, 10]],
        "speaker": "Mayor Holm",
        "speaker_canonical": "Ada Holm",
    }
    gold_path = _write(
        tmp_path / "gold.jsonl", [json.dumps({"id": "c", "text": text, "quotes": [quote]})]
    )
    statement = {
        "kind": "indirect",
        "content": {"start": 21, "end": 44, "text": text[21:44]},
        "speaker": {"name": "Holm", "mention": {"start": 6, "end": 10, "text": "Holm"}},
    }
    pred_path = _write(
        tmp_path / "pred.jsonl", [json.dumps({"id": "c", "statements": [statement]})]
    )
    assert main(["eval", str(gold_path), "--pred", str(pred_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = {line.rsplit(None, 1)[0].strip(): line.rsplit(None, 1)[1] for line in lines[1:]}
    assert rows["attribution (mention) F"] == "100.0"  # "Holm" is inside "Mayor Holm"
    assert rows["attribution (canonical) F"] == "0.0"  # but "Holm" is not "Ada Holm"
    assert rows["canonical accuracy"] == "0.0"
    assert main(["eval", str(gold_path), "--pred", str(pred_path), "--format", "json"]) == 0
    res = json.loads(capsys.readouterr().out)["results"]["all"]
    assert res["attribution_by"] == "canonical"
    assert res["attribution"]["f1"] == 0.0


def test_eval_names_a_missing_prediction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold_path = _write(tmp_path / "gold.jsonl", [json.dumps(dict(DOC_A, quotes=[]))])
    pred_path = _write(tmp_path / "pred.jsonl", [json.dumps({"id": "zzz", "statements": []})])
    assert main(["eval", str(gold_path), "--pred", str(pred_path)]) == 2
    err = capsys.readouterr().err
    assert "no predictions for gold id 'a'" in err and str(pred_path) in err


def test_extract_reports_a_failing_document_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A document whose extraction raises is that line's error, as in ingest (the one stream
    of onrecord.api.stream); the documents after it are still extracted, in order. Before,
    the exception ended the run and the lines after it were never written."""
    from onrecord.extract import pipeline

    real = pipeline.extract_parsed

    def flaky(article: object, doc: object, **kwargs: object) -> object:
        if getattr(article, "id", None) == "boom":
            raise ValueError("extractor bug")
        return real(article, doc, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "extract_parsed", flaky)
    boom = {"id": "boom", "text": "Holm said that the harbour was closed."}
    src = _write(tmp_path / "docs.jsonl", [json.dumps(d) for d in (DOC_A, boom, DOC_B)])
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"onrecord: error: {src}:2: extraction failed (ValueError: extractor bug)"]
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["a", "b"]


def test_model_flag_reaches_the_extraction_without_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--model` is passed to the extraction through the API (`ingest(model=)`), not put in
    $ONRECORD_MODEL, which stays the user's default (the flag once overwrote it for the rest
    of the process)."""
    from onrecord.api import stream

    models: list[object] = []

    def fake(articles: object, **options: object) -> object:
        models.append(options["model"])
        return iter([[] for _ in articles])  # type: ignore[attr-defined]

    monkeypatch.setattr(stream, "extract_many", fake)
    monkeypatch.delenv("ONRECORD_MODEL", raising=False)
    src = _write(tmp_path / "docs.jsonl", [json.dumps(DOC_A)])
    db = tmp_path / "r.db"
    assert main(["ingest", str(src), "--db", str(db), "--model", "xx_flag_model"]) == 0
    assert main(["extract", str(src), "-o", str(tmp_path / "o.jsonl"), "--model", "xx_m2"]) == 0
    assert models == ["xx_flag_model", "xx_m2"]
    assert "ONRECORD_MODEL" not in os.environ
