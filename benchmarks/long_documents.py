"""Time and peak memory of extracting one long article: 50k, 200k and 1M characters.

Usage::

    .venv/bin/python benchmarks/long_documents.py [--sizes 50000,200000,1000000] [--model NAME]

Each size runs in a child process of its own, so that its peak resident memory
(``resource.getrusage(RUSAGE_SELF).ru_maxrss`` in the child) is that document's alone and not
the high-water mark of an earlier, larger one. The figure includes the loaded spaCy model
(about 0.3 GB), which is the floor every size pays. The seconds are the extraction call alone
(model loaded and warmed on a short text first), so they show how cost grows with length;
the CPU seconds beside them are the process's own, which a busy shared machine inflates
less than the wall clock.

The article is synthetic, written here from templates (never copied from real news): a
headline line, then paragraphs of quotes and reported speech by a handful of invented people,
each introduced once with full name and role and afterwards by surname or pronoun, with
narrative sentences between them, as long wire stories and transcripts read. Not a test: the
figures depend on the machine; the README quotes them.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from newswire import CLAUSES, PLACES, QUOTES

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

PEOPLE = (
    ("Marta Kowalczyk", "the finance minister", "she"),
    ("Tomas Reyes", "a spokesman for the port authority", "he"),
    ("Ingrid Solberg", "the opposition leader", "she"),
    ("Anton Bramwell", "the chief negotiator", "he"),
    ("Leila Haddad", "a union official", "she"),
    ("Oskar Lindqvist", "the transport secretary", "he"),
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "the weekend", "the summer")
NARRATIVE = (
    "The meeting took place in a small conference room near the old customs house.",
    "Several hundred people gathered outside, many holding handwritten signs.",
    "Rail services in the north were suspended for most of the afternoon.",
    "The ministry published a short summary of the figures later that evening.",
    "Local businesses reported a sharp fall in trade over the previous month.",
)


def _fill(rng: random.Random, template: str) -> str:
    """A template with a place, a day and a number: news repeats phrasing, not statements
    (identical words said twice are merged as one statement, which would hide the cost)."""
    return template.format(n=rng.randint(12, 9000), place=rng.choice(PLACES), day=rng.choice(DAYS))


def synthetic_article(n_chars: int, seed: int = 7) -> str:
    """A news-like article of about ``n_chars`` characters (see the module docstring)."""
    rng = random.Random(seed)
    parts = ["Port strike talks stall as ministers trade blame\n"]
    size = len(parts[0])
    introduced: set[str] = set()
    while size < n_chars:
        full, role, pronoun = rng.choice(PEOPLE)
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
                    f'{surname} told reporters: "{quote}."',
                )
            )
        para = " ".join(
            (
                first,
                f"{pronoun.capitalize()} added that {_fill(rng, rng.choice(CLAUSES))}.",
                rng.choice(NARRATIVE),
            )
        )
        parts.append("\n" + para + "\n")
        size += len(para) + 2
        if rng.random() < 0.05:  # every few paragraphs the cast is introduced afresh
            introduced.clear()
    return "".join(parts)[:n_chars]


def measure(n_chars: int, model: str | None) -> dict[str, float]:
    """Extract one synthetic article in this process; seconds and peak MB."""
    from onrecord.extract.pipeline import extract
    from onrecord.model import Article

    extract(Article(id="warm", text='"We are ready," Ana Lind said.'), model=model)
    text = synthetic_article(n_chars)
    before = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    statements = extract(Article(id="long", text=text), model=model)
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return {
        "chars": len(text),
        "seconds": round(seconds, 1),
        "cpu_seconds": round(cpu, 1),
        "peak_mb": round(after.ru_maxrss / 1024),  # ru_maxrss is in kB on Linux
        "statements": len(statements),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="50000,200000,1000000")
    ap.add_argument("--model", default=None)
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(measure(args.child, args.model)))
        return
    print(f"{'chars':>9} {'seconds':>8} {'CPU s':>8} {'peak MB':>8} {'statements':>10}")
    for size in (int(s) for s in args.sizes.split(",")):
        cmd = [sys.executable, __file__, "--child", str(size)]
        if args.model:
            cmd += ["--model", args.model]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            tail = (done.stderr.strip().splitlines() or ["?"])[-1]
            print(f"{size:>9} failed (exit {done.returncode}): {tail}")
            continue
        row = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"{row['chars']:>9} {row['seconds']:>8} {row['cpu_seconds']:>8} {row['peak_mb']:>8}"
            f" {row['statements']:>10}",
            flush=True,
        )


if __name__ == "__main__":
    main()
