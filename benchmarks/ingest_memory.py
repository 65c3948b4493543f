"""Peak memory of ``onrecord ingest`` over 100, 300 and 1,000 generated articles.

Usage::

    .venv/bin/python benchmarks/ingest_memory.py [--sizes 100,300,1000] [--model NAME]

Each size is ingested by a child process of its own (``python -m onrecord.cli.main ingest
FOLDER --db NEW.db``, exactly what a user runs), and its peak resident memory is the child's
own ``ru_maxrss`` as ``os.wait4`` reports it: the high-water mark of that run alone, not of an
earlier, larger one (``RUSAGE_CHILDREN`` would give the maximum over all children so far).
The figure includes the loaded spaCy model, the floor every run pays; the ``floor`` row is a
child that loads the model and extracts one short article. Peak memory should not grow with
the number of articles: ingest streams its inputs and keeps only a bounded batch in memory.

The articles are invented here from templates (never copied from real news): wire copy of
600 to 1,400 words with a headline, a dateline, quotes and reported speech by people whose
names are made up per article from syllables (so the speaker registry and spaCy's string
store grow as with a real corpus), plus a few officials who recur across articles and
outlets. Not a test: the figures depend on the machine; the README quotes them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from newswire import CLAUSES, PLACES, QUOTES

ROOT = Path(__file__).resolve().parents[1]

OUTLETS = ("Harbour Wire", "Northern Post", "Coastline Daily", "Valley Courier")
MONTHS = ("March", "April", "May", "June", "July", "August", "September", "October")
ROLES = (
    "the finance minister",
    "a spokesman for the port authority",
    "the opposition leader",
    "the chief negotiator",
    "a union official",
    "the transport secretary",
    "the mayor of {place}",
    "a senior economist at the {place} Institute",
)
#: Officials who recur across articles (the registry links them; outlets name them alike).
RECURRING = (
    ("Marta Kowalczyk", "the finance minister", "she"),
    ("Tomas Reyes", "a spokesman for the port authority", "he"),
    ("Ingrid Solberg", "the opposition leader", "she"),
)
SYLLABLES = (
    "ka", "lo", "mir", "ven", "dar", "sel", "to", "ri", "an", "bel", "gor", "ni", "sta",
    "vik", "ul", "ma", "ren", "ost", "hal", "din", "ter", "ova", "lin", "bra",
)  # fmt: skip
NARRATIVE = (
    "The meeting took place in a small conference room near the old customs house in {place}.",
    "Several hundred people gathered outside, many holding handwritten signs about {n} jobs.",
    "Rail services north of {place} were suspended for most of the afternoon on {day}.",
    "The ministry published a short summary of the {n} figures later that evening.",
    "Local businesses in {place} reported a fall in trade of {n} per cent over the month.",
    "Talks had broken down twice before, most recently on {day} after {n} hours.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "the weekend")


def _fill(rng: random.Random, template: str) -> str:
    """A template with a place, a day and a number: identical words said twice are merged
    as one statement, so each sentence is made a little different."""
    return template.format(n=rng.randint(12, 9000), place=rng.choice(PLACES), day=rng.choice(DAYS))


def _name(rng: random.Random) -> str:
    """An invented full name: two or three syllables each for given name and surname."""

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def article_text(i: int, seed: int = 20261204) -> str:
    """Article number ``i``: 600 to 1,400 words of invented wire copy (module docstring)."""
    rng = random.Random(seed * 100_003 + i)
    outlet, place = rng.choice(OUTLETS), rng.choice(PLACES)
    cast = [(_name(rng), _fill(rng, rng.choice(ROLES)), rng.choice(("he", "she"))) for _ in "123"]
    cast.append(rng.choice(RECURRING))
    clause = _fill(rng, rng.choice(CLAUSES))
    headline = f"{place} talks: {clause[0].upper()}{clause[1:]}"
    dateline = f"{place.upper()}, {rng.choice(MONTHS)} {rng.randint(1, 28)} ({outlet}) - "
    words_wanted = rng.randint(600, 1400)
    paragraphs: list[str] = []
    introduced: set[str] = set()
    words = 0
    while words < words_wanted:
        full, role, pronoun = rng.choice(cast)
        surname = full.split()[-1]
        quote, clause = _fill(rng, rng.choice(QUOTES)), _fill(rng, rng.choice(CLAUSES))
        if full not in introduced:
            introduced.add(full)
            first = f'"{quote}," said {full}, {role}.'
        else:
            first = rng.choice(
                (
                    f'"{quote}," {surname} said.',
                    f"{surname} said that {clause}.",
                    f'{surname} told reporters on {rng.choice(DAYS)}: "{quote}."',
                    f"According to {surname}, {clause}.",
                )
            )
        para = " ".join(
            (
                first,
                f"{pronoun.capitalize()} added that {_fill(rng, rng.choice(CLAUSES))}.",
                _fill(rng, rng.choice(NARRATIVE)),
            )
        )
        paragraphs.append(para)
        words += len(para.split())
    return headline + "\n" + dateline + "\n\n".join(paragraphs) + "\n"


def write_corpus(folder: Path, n: int) -> int:
    """``n`` articles as ``.txt`` files in ``folder``; returns the number of words."""
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(n):
        text = article_text(i)
        words += len(text.split())
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    return words


#: Runs ``python -m MODULE ...`` or ``python -c CODE ...`` and, at exit, writes the process's
#: own peak resident memory (VmHWM, kB) to the file named by $ONRECORD_PEAK_FILE. The kernel's
#: ru_maxrss for a child counts the memory of the process it was forked from (a large pytest
#: process made a bare child report 900 MB), while VmHWM belongs to the child's own memory map.
_LAUNCH = """
import atexit, os, runpy, sys
def _peak():
    with open('/proc/self/status') as fh:
        kb = next(int(l.split()[1]) for l in fh if l.startswith('VmHWM:'))
    with open(os.environ['ONRECORD_PEAK_FILE'], 'w') as out:
        out.write(str(kb))
atexit.register(_peak)
how, what, *rest = sys.argv[1:]
sys.argv = [what, *rest]
if how == '-m':
    runpy.run_module(what, run_name='__main__', alter_sys=True)
else:
    exec(compile(what, '<string>', 'exec'), {'__name__': '__main__'})
"""


def run_child(cmd: list[str], env: dict[str, str]) -> tuple[int, float, float, str]:
    """Run ``cmd`` (``python -m ...`` or ``python -c ...``); its exit status, wall seconds,
    its own peak resident memory in MB and its stderr."""
    with tempfile.TemporaryFile() as err, tempfile.TemporaryDirectory() as tmp:
        peak_file = Path(tmp) / "peak"
        env = dict(env, ONRECORD_PEAK_FILE=str(peak_file))
        launch = [cmd[0], "-c", _LAUNCH, *cmd[1:]]
        t0 = time.perf_counter()
        child = subprocess.run(launch, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=ROOT)
        seconds = time.perf_counter() - t0
        err.seek(0)
        stderr = err.read().decode(errors="replace")
        peak_kb = float(peak_file.read_text()) if peak_file.exists() else float("nan")
    return child.returncode, seconds, peak_kb / 1024, stderr


FLOOR = (
    "import sys; from onrecord.extract.pipeline import extract; from onrecord.model import Article;"
    " extract(Article(id='x', text='\"We are ready,\" Ana Lind said.'), model=sys.argv[1] or None)"
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100,300,1000", help="comma-separated article counts")
    ap.add_argument("--model", default="", help="spaCy pipeline (default: onrecord's choice)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    if args.model:
        env["ONRECORD_MODEL"] = args.model
    print(f"{'articles':>8} {'words':>9} {'seconds':>8} {'peak MB':>8}  summary")
    with tempfile.TemporaryDirectory(prefix="onrecord-mem-") as tmp:
        code, seconds, peak, err = run_child([sys.executable, "-c", FLOOR, args.model], env)
        print(f"{'floor':>8} {'':>9} {seconds:>8.1f} {peak:>8.0f}  model loaded, one article")
        for n in sizes:
            folder = Path(tmp) / f"in{n}"
            words = write_corpus(folder, n)
            db = Path(tmp) / f"m{n}.db"
            cmd = [sys.executable, "-m", "onrecord.cli.main", "ingest", str(folder)]
            cmd += ["--db", str(db)]
            code, seconds, peak, err = run_child(cmd, env)
            summary = (err.strip().splitlines() or ["?"])[-1].removeprefix("onrecord: ")
            if code != 0:
                summary = f"exit {code}: {summary}"
            print(f"{n:>8} {words:>9,} {seconds:>8.1f} {peak:>8.0f}  {summary}", flush=True)
    print(json.dumps({"python": sys.version.split()[0], "max_rss_unit": "MB (ru_maxrss / 1024)"}))


if __name__ == "__main__":
    sys.exit(main())
