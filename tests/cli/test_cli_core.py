"""The core commands: ingest, statements, speakers, articles, show, export.

Most tests call ``main()`` in-process; a few run the real ``python -m onrecord.cli.main``
for exit codes and stdin. Query tests build their database with hand-made statements so
they do not depend on what the extraction engine finds.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from onrecord.cli import core as cli_core
from onrecord.cli import main as cli
from onrecord.model import Article, Span, Speaker, Statement
from onrecord.store.db import Store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def wire_story(i: int, speaker: str, outlet: str, published: str | None) -> str:
    surname = speaker.split()[-1]
    return (
        f"Ferry strike enters day {i}\n"
        f'LOWBRIDGE, June {i} ({outlet}) - "The ferries will run again on Friday," {speaker} '
        f"said on Monday.\n{surname} added that talks with the crews would resume."
    )


def add_story(store: Store, i: int, speaker: str, outlet: str, published: str | None = None) -> str:
    text = wire_story(i, speaker, outlet, published)
    said = "The ferries will run again on Friday"
    q = text.index(said)
    m = text.index(speaker)
    surname = speaker.split()[-1]
    m2 = text.index(f"{surname} added")
    rep = text.index("talks with the crews")
    statements = [
        Statement(
            "direct",
            Span.of(text, q, q + len(said)),
            Speaker(speaker, "person", Span.of(text, m, m + len(speaker)), role="port director"),
            cue=Span.of(text, m + len(speaker) + 1, m + len(speaker) + 5),
        ),
        Statement(
            "indirect",
            Span.of(text, rep, len(text) - 1),
            Speaker(speaker, "person", Span.of(text, m2, m2 + len(surname))),
        ),
    ]
    article = Article(
        id=f"ferry/{i}", text=text, outlet=outlet, published=published, headline=text.split("\n")[0]
    )
    return store.add_article(article, statements).article_id


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.db"
    with Store(path, create=True) as store:
        add_story(store, 1, "Agnes Holloway", "Lowbridge Courier", "2023-06-01")
        add_story(store, 2, "Agnes Holloway", "Coastline Post", "2023-06-02T09:30:00+01:00")
        add_story(store, 3, "Pieter Vandermolen", "Coastline Post", "--06-03")
    return path


def write_docs(path: Path, n: int, start: int = 0) -> Path:
    lines = []
    for i in range(start, start + n):
        text = wire_story(i + 1, "Agnes Holloway", "Lowbridge Courier", None)
        lines.append(json.dumps({"id": f"doc/{i}", "text": text, "outlet": "Lowbridge Courier"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ------------------------------------------------------------------------ help and usage


@pytest.mark.parametrize(
    "command", ["ingest", "statements", "speakers", "articles", "show", "export"]
)
def test_help_for_every_command(capsys, command: str) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main([command, "--help"])
    assert info.value.code == 0
    assert "--db" in capsys.readouterr().out


def one_error_line(err: str, *needles: str) -> None:
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("onrecord: error: "), err
    for needle in needles:
        assert needle in lines[0], err


@pytest.mark.parametrize(
    ("argv", "needles"),
    [
        (["statements", "--search", "*"], ["search"]),
        (["statements", "--since", "June"], ["--since"]),
        (["statements", "--kind", "quoted"], ["--kind"]),
        (["show", "no-such-article"], ["no-such-article"]),
        (["export", "--format", "parquet"], ["--output"]),
    ],
)
def test_usage_errors_exit_2_with_one_line(capsys, db: Path, argv, needles) -> None:
    code, _, err = run(capsys, *argv, "--db", str(db))
    assert code == 2
    one_error_line(err, *needles)


def test_missing_and_foreign_databases(capsys, tmp_path: Path) -> None:
    missing = tmp_path / "nothing.db"
    code, _, err = run(capsys, "statements", "--db", str(missing))
    assert code == 2
    one_error_line(err, str(missing), "no database")
    assert not missing.exists()
    foreign = tmp_path / "notes.db"
    foreign.write_text("shopping list\n" * 100, encoding="utf-8")
    code, _, err = run(capsys, "articles", "--db", str(foreign))
    assert code == 2
    one_error_line(err, str(foreign), "not an SQLite database")


def test_db_from_environment(capsys, db: Path, monkeypatch) -> None:
    monkeypatch.setenv("ONRECORD_DB", str(db))
    code, out, _ = run(capsys, "articles", "--format", "csv")
    assert code == 0
    assert len(out.splitlines()) == 4


# ------------------------------------------------------------------------ queries


def test_statements_by_surname_shows_date_outlet_speaker_kind_text(capsys, db: Path) -> None:
    code, out, _ = run(capsys, "statements", "--db", str(db), "--speaker", "holloway")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["DATE", "OUTLET", "SPEAKER", "KIND", "TEXT"]
    assert len(lines) == 5
    assert lines[1].startswith("2023-06-01  Lowbridge Courier")
    assert "Agnes Holloway" in lines[1] and "direct" in lines[1]
    assert "The ferries will run again on Friday" in lines[1]
    assert "Pieter" not in out


def test_statements_filters_and_formats(capsys, db: Path) -> None:
    code, out, _ = run(
        capsys, "statements", "--db", str(db), "--outlet", "coastline post", "--format", "jsonl"
    )
    assert code == 0
    docs = [json.loads(x) for x in out.splitlines()]
    assert len(docs) == 4 and {d["outlet"] for d in docs} == {"Coastline Post"}
    assert docs[-1]["published"] == "--06-03"  # year unknown: last, and marked so
    code, out, _ = run(
        capsys, "statements", "--db", str(db), "--since", "2023-06-02", "--format", "csv"
    )
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["date"] for r in rows] == ["2023-06-02", "2023-06-02"]
    code, out, _ = run(
        capsys, "statements", "--db", str(db), "--kind", "indirect", "--search", "crews",
        "--limit", "1", "--format", "csv",
    )  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1 and rows[0]["kind"] == "indirect"
    code, out, _ = run(capsys, "statements", "--db", str(db), "--search", '"unbalanced')
    assert code == 0


def test_speakers_articles_show(capsys, db: Path) -> None:
    code, out, _ = run(capsys, "speakers", "--db", str(db))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["NAME", "TYPE", "ROLES", "STATEMENTS", "OUTLETS"]
    assert lines[1].startswith("Agnes Holloway")
    assert "port director" in lines[1] and "Coastline Post, Lowbridge Courier" in lines[1]
    code, out, _ = run(capsys, "articles", "--db", str(db), "--format", "jsonl")
    articles = [json.loads(x) for x in out.splitlines()]
    assert [a["doc_id"] for a in articles] == ["ferry/1", "ferry/2", "ferry/3"]
    code, out, _ = run(capsys, "show", articles[0]["id"][:8], "--db", str(db))
    assert code == 0
    assert "[[1 The ferries will run again on Friday]]<Agnes Holloway>" in out
    assert "[[2 talks with the crews would resume]]<Agnes Holloway>" in out
    assert "Holloway" in out.split("\n\n")[-1]  # the statement list
    code, out, _ = run(capsys, "show", "ferry/3", "--db", str(db), "--json")
    doc = json.loads(out)
    assert doc["published"] == "--06-03" and len(doc["statements"]) == 2


def test_table_on_a_terminal_uses_rich(db: Path) -> None:
    from onrecord.cli.output import emit

    with Store(db) as store:
        rows = store.statements()
    buf = io.StringIO()
    emit(rows, "table", cli_core.STATEMENT_COLUMNS, out=buf, rich_table=True)
    assert "Agnes Holloway" in buf.getvalue() and "\x1b[" in buf.getvalue()


def test_export_formats(capsys, db: Path, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "export", "--db", str(db), "--format", "jsonl")
    assert code == 0
    docs = [json.loads(x) for x in out.splitlines()]
    assert len(docs) == 3 and all(len(d["statements"]) == 2 for d in docs)
    st = docs[0]["statements"][0]
    assert docs[0]["text"][st["content"]["start"] : st["content"]["end"]] == st["content"]["text"]
    target = tmp_path / "s.csv"
    code, _, err = run(capsys, "export", "--db", str(db), "--format", "csv", "-o", str(target))
    assert code == 0 and "6 statements" in err
    assert len(list(csv.DictReader(target.open(encoding="utf-8")))) == 6
    folder = tmp_path / "pq"
    code, _, err = run(capsys, "export", "--db", str(db), "--format", "parquet", "-o", str(folder))
    assert code == 0 and "3 articles" in err
    assert (folder / "statements").is_dir() and (folder / "speakers").is_dir()
    code, _, err = run(capsys, "export", "--db", str(db), "--format", "parquet", "-o", str(folder))
    assert code == 2
    one_error_line(err, "not empty")


def test_speakers_parser_takes_subcommands() -> None:
    parser = cli.build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    extra = cli_core.speakers_subcommands(sub)
    assert cli_core.speakers_subcommands(sub) is extra  # created once
    if "test-noop" not in extra.choices:
        p = extra.add_parser("test-noop")
        p.set_defaults(func=lambda args: 0)
    args = parser.parse_args(["speakers", "test-noop"])
    assert args.func is not cli_core.run_speakers
    args = parser.parse_args(["speakers", "--format", "csv"])
    assert args.func is cli_core.run_speakers


# ------------------------------------------------------------------------ ingest


def test_ingest_summary_and_idempotence(capsys, tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs.jsonl", 6)
    db = tmp_path / "in.db"
    code, _, err = run(capsys, "ingest", str(docs), "--db", str(db), "--batch-size", "4")
    assert code == 0
    assert "6 articles: 6 new, 0 duplicate, 0 revision" in err
    with Store(db) as store:
        before = store.counts()
    code, _, err = run(capsys, "ingest", str(docs), "--db", str(db))
    assert code == 0
    assert "6 articles: 0 new, 6 duplicate, 0 revision; 0 statements stored" in err
    with Store(db) as store:
        assert store.counts() == before


def test_ingest_failed_inputs_exit_1_each_named(capsys, tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs.jsonl", 3)
    with docs.open("a", encoding="utf-8") as fh:
        fh.write('{"id": "broken", "text": 5}\n')
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    db = tmp_path / "in.db"
    code, _, err = run(capsys, "ingest", str(docs), str(binary), "--db", str(db))
    assert code == 1
    errors = [x for x in err.splitlines() if x.startswith("onrecord: error: ")]
    assert len(errors) == 2
    assert any(str(docs) in e and "4" in e for e in errors)
    assert any(str(binary) in e for e in errors)
    assert "3 new" in err and "2 inputs failed" in err
    with Store(db) as store:
        assert store.counts().articles == 3


def test_ingest_an_extraction_error_fails_one_input_exit_1(
    capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from onrecord.extract import pipeline

    real = pipeline.extract_parsed

    def flaky(article: Article, doc: object, **kwargs: object) -> object:
        if "day 2\n" in article.text:
            raise ValueError("no quotes here")
        return real(article, doc, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "extract_parsed", flaky)
    docs = write_docs(tmp_path / "docs.jsonl", 4)
    db = tmp_path / "in.db"
    code, _, err = run(capsys, "ingest", str(docs), "--db", str(db), "--batch-size", "2")
    assert code == 1
    errors = [x for x in err.splitlines() if x.startswith("onrecord: error: ")]
    assert errors == [f"onrecord: error: {docs}:2: extraction failed (ValueError: no quotes here)"]
    assert "3 new" in err and "1 input failed" in err
    with Store(db) as store:
        assert store.counts().articles == 3


@pytest.mark.parametrize(
    "flags", [["--batch-size", "0"], ["--batch-size", "x"], ["--year", "twenty"]]
)
def test_ingest_bad_flags_exit_2_and_store_nothing(capsys, tmp_path: Path, flags) -> None:
    docs = write_docs(tmp_path / "docs.jsonl", 1)
    db = tmp_path / "in.db"
    with pytest.raises(SystemExit) as info:
        cli.main(["ingest", str(docs), "--db", str(db), *flags])
    assert info.value.code == 2
    assert not db.exists()


def test_ingest_bad_hint_exit_2(capsys, tmp_path: Path) -> None:
    docs = write_docs(tmp_path / "docs.jsonl", 1)
    db = tmp_path / "in.db"
    code, _, err = run(capsys, "ingest", str(docs), "--db", str(db), "--published", "soon")
    assert code == 2
    one_error_line(err, "--published")
    assert not db.exists()


def test_ingest_stdin_and_hints_as_a_real_process(tmp_path: Path) -> None:
    db = tmp_path / "in.db"
    text = wire_story(9, "Agnes Holloway", "Lowbridge Courier", None)
    proc = subprocess.run(
        [sys.executable, "-m", "onrecord.cli.main", "ingest", "-", "--db", str(db),
         "--outlet", "Harbour Gazette", "--published", "2023-06-09"],
        input=text.encode(), capture_output=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert b"1 new" in proc.stderr
    with Store(db) as store:
        (row,) = store.articles()
    assert (row.outlet, row.published) == ("Harbour Gazette", "2023-06-09")
    proc = subprocess.run(
        [sys.executable, "-m", "onrecord.cli.main", "statements", "--db", str(tmp_path / "x.db")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 2
    one_error_line(proc.stderr, "x.db")
