"""Command-line habits a user expects (issue 12, item 6).

Ingest progress with total, rate and time left, on a terminal only; ``--limit 0`` for all in
every listing; ``statements | head -1`` without a traceback; an unknown ``--speaker`` refused
as ``onrecord speaker`` refuses it; no database from a mistyped input; a command's own usage
for its unknown flags; "1 input failed"; CSV rows that lead back to their article; and
errors of the Python and HTTP APIs that speak of parameters, not of CLI flags.

What is about a process (exit codes, pipes, terminals, files left behind) runs the real
``python -m onrecord`` as a child process; the rest calls ``main()`` in-process.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from onrecord import api
from onrecord.api import comparisons, core, timelines
from onrecord.cli.main import main
from onrecord.cli.progress import ProgressBar
from onrecord.counts import counted
from onrecord.errors import UsageError
from onrecord.model import Article, Span, Speaker, Statement
from onrecord.store.db import Store
from onrecord.web.app import create_app
from support.web_corpus import SPEAKER, fill_store

ROOT = Path(__file__).resolve().parents[2]


def onrecord(*argv: str, cwd: Path, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """``python -m onrecord ARGV`` as a user runs it, from ``cwd``."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run(
        [sys.executable, "-m", "onrecord", *argv],
        capture_output=True, text=True, timeout=300, cwd=cwd, env=env, **kwargs,  # type: ignore[call-overload]
    )  # fmt: skip


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented web corpus: two outlets, one speaker, seven statements."""
    return fill_store(tmp_path_factory.mktemp("habits") / "h.db")


def wire_story(i: int) -> str:
    return (
        f"Ferry strike enters day {i}\n"
        f'LOWBRIDGE, June {i % 28 + 1} (Lowbridge Courier) - "The ferries will run again on '
        f'Friday number {i}," Agnes Holloway said on Monday.\n'
    )


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """600 hand-made statements: more output than a pipe holds (64 KiB)."""
    path = tmp_path_factory.mktemp("big") / "big.db"
    with Store(path, create=True) as store, store.transaction():
        for i in range(600):
            text = wire_story(i)
            said = text[text.index("The ferries") : text.index(',"')]
            q = text.index(said)
            m = text.index("Agnes Holloway")
            st = Statement(
                "direct",
                Span.of(text, q, q + len(said)),
                Speaker("Agnes Holloway", "person", Span.of(text, m, m + 14)),
            )
            article = Article(id=f"ferry/{i}", text=text, outlet="Lowbridge Courier")
            store.add_article(article, [st])
    return path


# ------------------------------------------------------------------------ progress


def test_progress_bar_shows_total_done_rate_and_time_left() -> None:
    shown = io.StringIO()
    with ProgressBar("ingesting", unit="articles", stream=shown, enabled=True) as bar:
        bar.advance(2)
        bar.set_total(5)  # the count arrives after the start
        bar.advance(1)
        bar._progress.refresh()  # type: ignore[union-attr]  # render now, not in 0.1 s
    out = shown.getvalue()
    assert "3/5" in out and "articles" in out
    assert "articles/s" in out and " left" in out


def test_progress_bar_grows_when_the_count_was_low() -> None:
    with ProgressBar("ingesting", stream=io.StringIO(), enabled=True, total=2) as bar:
        bar.advance(3)
        assert bar._progress.tasks[0].total == 3  # type: ignore[union-attr]


def test_ingest_reports_progress_for_every_article_not_every_batch(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": wire_story(i)}) + "\n" for i in range(5))
        + "not json\n",
        encoding="utf-8",
    )
    seen: list[tuple[int, int]] = []
    report = core.ingest(
        [docs],
        db=tmp_path / "p.db",
        batch_size=50,
        progress=lambda r: seen.append((r.handled, r.articles)),
    )
    # one call per input, while nothing is committed yet (one batch of 50)
    assert seen == [(1, 0), (2, 0), (3, 0), (4, 0), (5, 0), (6, 0)]
    assert report.handled == 6 and report.articles == 5 and len(report.failed) == 1


def test_ingest_progress_on_a_terminal_only(tmp_path: Path) -> None:
    """A real process with stderr on a pseudo-terminal draws the bar (total from the count,
    rate, time left); piped, stderr holds the summary alone, as before."""
    pty = pytest.importorskip("pty")
    for i in range(3):
        (tmp_path / f"s{i}.txt").write_text(wire_story(i), encoding="utf-8")
    piped = onrecord("ingest", ".", "--db", "piped.db", cwd=tmp_path)
    assert piped.returncode == 0, piped.stderr
    assert piped.stderr.splitlines() == [
        "onrecord: 3 articles: 3 new, 0 duplicate, 0 revision; 3 statements stored; 0 inputs failed"
    ]
    controller, terminal = pty.openpty()
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"), COLUMNS="160")
    child = subprocess.Popen(
        [sys.executable, "-m", "onrecord", "ingest", ".", "--db", "tty.db"],
        stdout=subprocess.DEVNULL, stderr=terminal, cwd=tmp_path, env=env,
    )  # fmt: skip
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    assert child.wait(timeout=300) == 0
    os.close(controller)
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown.decode("utf-8", "replace"))  # styles
    assert "/3 articles" in text  # done of the counted total
    assert "articles/s" in text and " left" in text
    assert "3 articles: 3 new" in text


# ------------------------------------------------------------------------ --limit 0


@pytest.mark.parametrize(
    ("argv", "rows"),
    [
        (["statements"], 7),
        (["articles"], None),
        (["speakers"], None),
        (["timeline", "--kind", "statements"], None),
    ],
)
def test_limit_0_means_all_in_every_listing(
    db: Path, argv: list[str], rows: int | None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*argv, "--db", str(db), "--format", "jsonl"]) == 0
    every = capsys.readouterr().out.splitlines()
    assert main([*argv, "--db", str(db), "--format", "jsonl", "--limit", "0"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == every and every and "error" not in err
    if rows is not None:
        assert len(every) == rows
    assert main([*argv, "--db", str(db), "--format", "jsonl", "--limit", "1"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


@pytest.mark.parametrize(
    ("command", "shown"),
    [
        ("statements", "at most N statements (default and 0: all)"),
        ("articles", "at most N articles (default and 0: all)"),
        ("speakers", "at most N speakers (default and 0: all)"),
        ("timeline", "at most N lines (default 100; 0 for all)"),
    ],
)
def test_limit_help_says_0_is_all(
    command: str, shown: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    assert shown in " ".join(capsys.readouterr().out.split())


# ------------------------------------------------------------------------ pipes


def test_statements_into_a_closed_pipe_end_quietly(tmp_path: Path, big_db: Path) -> None:
    """``onrecord statements | head -1``: the reader goes after one line; no traceback."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    for fmt in ("table", "jsonl", "csv"):
        child = subprocess.Popen(
            [sys.executable, "-m", "onrecord", "statements", "--db", str(big_db), "--format", fmt],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=env,
        )  # fmt: skip
        assert child.stdout is not None and child.stderr is not None
        first = child.stdout.readline()
        child.stdout.close()  # as head does
        err = child.stderr.read().decode()
        assert child.wait(timeout=120) == 0, err
        assert first and err == "", err


def test_shell_pipe_to_head(tmp_path: Path, big_db: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    run = subprocess.run(
        f"'{sys.executable}' -m onrecord statements --db '{big_db}' | head -1",
        shell=True, capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env,
    )  # fmt: skip
    assert run.stdout.startswith("DATE") and run.stderr == ""


# ------------------------------------------------------------------------ unknown speaker


def test_statements_of_an_unknown_speaker_are_refused_like_speaker(db: Path) -> None:
    listing = onrecord("statements", "--db", str(db), "--speaker", "Nobody", cwd=db.parent)
    profile = onrecord("speaker", "Nobody", "--db", str(db), cwd=db.parent)
    message = "onrecord: error: speaker 'Nobody': not in the registry (see `onrecord speakers`)"
    assert (listing.returncode, listing.stderr.strip()) == (2, message)
    assert (profile.returncode, profile.stderr.strip()) == (2, message)
    assert listing.stdout == ""


def test_a_known_speaker_with_nothing_matching_lists_nothing(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["statements", "--db", str(db), "--speaker", SPEAKER, "--since", "2099"])
    out, err = capsys.readouterr()
    assert code == 0 and err == "" and out.split() == ["DATE", "OUTLET", "SPEAKER", "KIND", "TEXT"]


# ------------------------------------------------------------------------ ingest inputs


def test_a_missing_input_creates_no_database(tmp_path: Path) -> None:
    run = onrecord("ingest", "no-such-file.txt", cwd=tmp_path)
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        "onrecord: error: no-such-file.txt: no such file or directory",
        "onrecord: 0 articles: 0 new, 0 duplicate, 0 revision; 0 statements stored; 1 input failed",
    ]
    assert list(tmp_path.iterdir()) == []  # no onrecord.db, no WAL files


def test_plurals_in_the_summary(tmp_path: Path) -> None:
    story = tmp_path / "one.txt"
    story.write_text(wire_story(1), encoding="utf-8")
    run = onrecord("ingest", str(story), "missing.txt", "--db", "one.db", cwd=tmp_path)
    assert run.returncode == 1
    assert run.stderr.splitlines()[-1] == (
        "onrecord: 1 article: 1 new, 0 duplicate, 0 revision; 1 statement stored; 1 input failed"
    )


def test_counted() -> None:
    assert [counted(n, "input") for n in (0, 1, 2)] == ["0 inputs", "1 input", "2 inputs"]
    assert counted(1, "entry", "entries") == "1 entry" and counted(3, "entry", "entries") == (
        "3 entries"
    )


# ------------------------------------------------------------------------ usage


@pytest.mark.parametrize(
    ("argv", "usage", "unknown"),
    [
        (["statements", "--bogus"], "usage: onrecord statements ", "--bogus"),
        (["articles", "--limt", "3"], "usage: onrecord articles ", "--limt 3"),
        (["speakers", "merge", "A", "B", "--bogus"], "usage: onrecord speakers merge ", "--bogus"),
        (["timeline", "extra"], "usage: onrecord timeline ", "extra"),
    ],
)
def test_an_unknown_flag_prints_the_commands_usage(
    tmp_path: Path, argv: list[str], usage: str, unknown: str
) -> None:
    run = onrecord(*argv, cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.startswith(usage), run.stderr
    assert run.stderr.endswith(f": error: unrecognized arguments: {unknown}\n")
    assert "Traceback" not in run.stderr


# ------------------------------------------------------------------------ CSV


def test_statements_csv_carries_article_id_url_and_headline(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["statements", "--db", str(db), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0]) == [
        "date", "outlet", "speaker", "kind", "text", "article_id", "url", "headline",
    ]  # fmt: skip
    with Store(db) as store:
        articles = {a.id: a for a in store.articles()}
    for row in rows:
        article = articles[row["article_id"]]
        assert row["headline"] == (article.headline or "") and row["url"] == (article.url or "")


# ------------------------------------------------------------------------ neutral errors


def test_api_errors_name_parameters_not_flags(db: Path) -> None:
    cases = [
        (lambda: api.statements(db, since="June"), "since 'June': expected YYYY"),
        (lambda: api.statements(db, kind="quoted"), "kind 'quoted': expected direct"),
        (lambda: api.articles(db, until="soon"), "until 'soon': expected YYYY"),
        (lambda: timelines.timeline(db, limit=-1), "limit -1: must be 0 or more"),
        (lambda: timelines.timeline(db, since="May"), "since 'May': expected YYYY"),
        (lambda: comparisons.compare(SPEAKER, "May 3", db), "date 'May 3': expected a day"),
    ]
    for call, message in cases:
        with pytest.raises(UsageError) as info:
            call()
        assert str(info.value).startswith(message) and "--" not in str(info.value)


def test_http_errors_name_parameters_not_flags(db: Path) -> None:
    with TestClient(create_app(db, allowed_hosts=["testserver"])) as client:
        for url, message in [
            ("/api/statements?since=June", "since 'June': expected YYYY"),
            ("/api/statements?kind=quoted", "kind 'quoted': expected direct"),
            ("/api/timeline?until=3%20May", "until '3 May': expected YYYY"),
        ]:
            r = client.get(url)
            assert r.status_code == 400, url
            assert r.json()["error"].startswith(message) and "--" not in r.json()["error"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["statements", "--since", "June"], "--since 'June': expected YYYY"),
        (["statements", "--kind", "quoted"], "--kind 'quoted': expected direct"),
        (["timeline", "--until", "3 May"], "--until '3 May': expected YYYY"),
        (["compare", "--speaker", SPEAKER, "--date", "May 3"], "--date 'May 3': expected a day"),
    ],
)
def test_the_cli_names_its_flags_in_the_same_errors(
    db: Path, argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*argv, "--db", str(db)]) == 2
    assert capsys.readouterr().err.startswith(f"onrecord: error: {message}")


def test_ingest_hint_errors_name_the_flag_on_the_cli_only(tmp_path: Path) -> None:
    from onrecord.ingest import Hints

    with pytest.raises(UsageError, match=r"^published 'soon' is not an ISO date"):
        Hints(published="soon")
    story = tmp_path / "s.txt"
    story.write_text(wire_story(1), encoding="utf-8")
    run = onrecord("ingest", str(story), "--published", "soon", cwd=tmp_path)
    assert run.returncode == 2
    assert run.stderr.strip() == (
        "onrecord: error: --published 'soon' is not an ISO date or date-time"
    )
