"""Spark scaling: documents/s of plain extraction vs the Spark job on local[1] and local[2].

Why: the Spark job exists to scale extraction past one machine, so the figures that matter
are (a) what the job costs over the plain loop on one core and (b) how it scales with cores.
From them the script writes an estimate for 1 million and 100 million articles on a cluster.

All three runs process the same documents: PolNeAR train+dev (read at run time from the shared
folder, cycled with fresh ids up to ``--docs``; nothing is copied into the repo) or, when the
shared folder is absent, generated articles built from sentences written for this script.

The extraction measured is ``onrecord.extract.pipeline.extract_many``. If it does not load the
spaCy model (the placeholder engine), every run also parses each article with spaCy
(``get_nlp().pipe``) so the workload is the real pipeline's cost, not Spark's overhead; the
report says which workload ran.

Run it on a quiet machine (the script prints ``os.getloadavg()`` before and after)::

    .venv/bin/python benchmarks/spark_scaling.py --docs 1000
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from onrecord.config import shared_dir
from onrecord.extract.pipeline import extract_many
from onrecord.model import Article, Statement

_PEOPLE = ["Mara Ellison", "Tomas Brandt", "Ilse Varga", "Kofi Mensah", "Ana Ruiz", "Oleg Sokol"]
_ROLES = ["the finance minister", "a spokeswoman for the ministry", "the mayor", "the envoy"]
_TOPICS = ["the port expansion", "the grain corridor", "the new tariff", "the ceasefire talks"]
_SENTENCES = [
    '"We will not accept {topic} in its present form," {person} said on Monday.',
    "{person}, {role}, told reporters that {topic} would be reviewed next month.",
    'According to {role}, {topic} "remains on the table" despite the objections.',
    "The committee met for three hours but reached no decision on {topic}.",
    '"The talks were useful," {person} added, "but there is still a long way to go."',
    "Officials said later that a second round on {topic} could take place in the spring.",
    "{person} declined to comment on reports that {topic} had been delayed again.",
]


def polnear_documents() -> list[dict[str, str]]:
    """PolNeAR train+dev as documents (id, text, outlet, published), or [] when absent."""
    docs = []
    for split in ("train", "dev"):
        path = shared_dir() / "data" / "polnear" / f"{split}.jsonl"
        if not path.exists():
            return []
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                data = json.loads(line)
                meta = data.get("meta") or {}
                doc = {"id": data["id"], "text": data["text"]}
                if meta.get("publisher"):
                    doc["outlet"] = meta["publisher"]
                if meta.get("publication_date"):
                    doc["published"] = meta["publication_date"]
                docs.append(doc)
    return docs


def generated_documents(n: int, seed: int = 7) -> list[dict[str, str]]:
    """``n`` articles of ~40 sentences from the templates above (same size order as PolNeAR)."""
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        sentences = [
            rng.choice(_SENTENCES).format(
                person=rng.choice(_PEOPLE), role=rng.choice(_ROLES), topic=rng.choice(_TOPICS)
            )
            for _ in range(40)
        ]
        paragraphs = [" ".join(sentences[j : j + 4]) for j in range(0, 40, 4)]
        docs.append(
            {
                "id": f"gen/{i:05d}",
                "text": "\n\n".join(paragraphs),
                "outlet": rng.choice(["Northwind Wire", "Harbour Post", "Valley Courier"]),
                "published": f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            }
        )
    return docs


def corpus(n: int) -> tuple[list[dict[str, str]], str]:
    """``n`` documents and where they came from; PolNeAR is cycled with fresh ids."""
    seen: set[str] = set()  # PolNeAR repeats a text; the job would keep it once
    base = [d for d in polnear_documents() if not (d["text"] in seen or seen.add(d["text"]))]
    if not base:
        return generated_documents(n), "generated (shared PolNeAR not found)"
    docs = []
    for k, doc in enumerate(itertools.islice(itertools.cycle(base), n)):
        copy = k // len(base)
        # a repeat needs its own text: the job (like ingest) keeps one article per content
        text = doc["text"] + (f"\n\n(Benchmark copy {copy}.)" if copy else "")
        docs.append({**doc, "id": f"{doc['id']}#{copy}", "text": text})
    return docs, f"PolNeAR train+dev ({len(base)} documents, cycled)"


def engine_loads_spacy() -> bool:
    """Whether extract_many loads the spaCy model by itself (False for the placeholder)."""
    from onrecord import nlp

    list(extract_many([Article(id="probe", text='"This is a probe," Ana Ruiz said.')]))
    return bool(nlp._cache)


def parse_then_extract(
    articles: Iterable[Article], batch_size: int = 32
) -> Iterator[list[Statement]]:
    """The placeholder engine plus a spaCy parse of every article: the real pipeline's cost."""
    from onrecord.nlp import get_nlp

    nlp = get_nlp()
    it = iter(articles)
    while batch := list(itertools.islice(it, batch_size)):
        for _doc in nlp.pipe([a.text for a in batch], batch_size=batch_size):
            pass
        yield from extract_many(batch, batch_size)


def time_plain(docs: list[dict[str, str]], heavy: bool) -> float:
    """Seconds for the plain in-process loop over all documents (model already loaded)."""
    articles = [
        Article(id=d["id"], text=d["text"], outlet=d.get("outlet"), published=d.get("published"))
        for d in docs
    ]
    run = parse_then_extract if heavy else extract_many
    started = time.perf_counter()
    n = sum(1 for _ in run(articles))
    assert n == len(articles)
    return time.perf_counter() - started


def time_spark(
    path: Path, out: Path, master: str, partitions: int, heavy: bool
) -> tuple[float, float, int]:
    """(session start s, job s, articles written) for the Spark job on ``master``."""
    from onrecord.serve.spark import JobConfig, build_session, run_job

    config = JobConfig(
        inputs=(str(path),),
        output=str(out),
        master=master,
        partitions=partitions,
        extract_many=parse_then_extract if heavy else None,
    )
    started = time.perf_counter()
    spark = build_session(config)
    spark.sparkContext.parallelize([0], 1).count()  # JVM and first Python worker up
    session_s = time.perf_counter() - started
    sc = spark.sparkContext
    print(f"{master}: sc.master={sc.master}, defaultParallelism={sc.defaultParallelism}")
    try:
        started = time.perf_counter()
        result = run_job(config, spark)
        job_s = time.perf_counter() - started
    finally:
        spark.stop()
    return session_s, job_s, result.counts.get("articles", 0)


def estimate(rate_1: float, rate_2: float, nodes: int, cores: int) -> str:
    """Hours for 1M and 100M articles on ``nodes`` x ``cores``, from the measured rates."""
    efficiency = min(1.0, rate_2 / (2 * rate_1))  # measured scaling efficiency per added core
    per_core = rate_1
    cluster_rate = per_core * nodes * cores * efficiency
    lines = [
        f"Estimate for a cluster of {nodes} nodes x {cores} cores ({nodes * cores} executor cores),"
        f" assuming each core runs as fast as one core here ({per_core:.1f} docs/s, local[1])"
        f" and the scaling efficiency measured from local[1] to local[2] ({efficiency:.0%}) holds:"
        f" {cluster_rate:,.0f} docs/s.",
    ]
    for n in (1_000_000, 100_000_000):
        hours = n / cluster_rate / 3600
        lines.append(f"  {n:>11,} articles: {hours:8.2f} h")
    lines.append(
        "  Not included: reading from object storage, cluster start-up, executors' model"
        " loads (seconds each, once per Python worker), and articles longer than these."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=1000, help="documents per run (default 1000)")
    p.add_argument("--partitions", type=int, default=12, help="extraction partitions (both runs)")
    p.add_argument("--nodes", type=int, default=20)
    p.add_argument("--cores", type=int, default=16)
    p.add_argument("--skip-plain", action="store_true")
    args = p.parse_args(argv)

    docs, origin = corpus(args.docs)
    heavy = not engine_loads_spacy()
    workload = (
        "placeholder engine + spaCy parse (parse_then_extract)"
        if heavy
        else "extract_many (real engine)"
    )
    if heavy:
        from onrecord.nlp import get_nlp

        get_nlp()  # loaded before timing the plain loop, as the Spark figures exclude it too
    chars = sum(len(d["text"]) for d in docs)
    print(
        f"corpus: {len(docs)} documents, {chars / len(docs):,.0f} chars each on average; {origin}"
    )
    print(f"workload: {workload}")
    print(f"cpu count: {os.cpu_count()}, load average before: {os.getloadavg()}")

    with tempfile.TemporaryDirectory(prefix="onrecord-spark-bench-") as tmp:
        path = Path(tmp) / "docs.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        rows = []
        if not args.skip_plain:
            plain_s = time_plain(docs, heavy)
            rows.append(("plain extract_many (1 process)", None, plain_s))
            print(f"plain: {plain_s:.1f}s, load {os.getloadavg()}", flush=True)
        rates = {}
        for master in ("local[1]", "local[2]"):
            session_s, job_s, written = time_spark(
                path, Path(tmp) / f"out-{master[6]}", master, args.partitions, heavy
            )
            assert written == len(docs), f"{master}: wrote {written} of {len(docs)} articles"
            rows.append((f"spark job {master}", session_s, job_s))
            rates[master] = len(docs) / job_s
            print(
                f"{master}: session {session_s:.1f}s, job {job_s:.1f}s, load {os.getloadavg()}",
                flush=True,
            )

    print()
    print(f"{'run':34} {'start s':>8} {'run s':>8} {'docs/s':>8}")
    for name, start_s, run_s in rows:
        start = f"{start_s:8.1f}" if start_s is not None else f"{'':8}"
        print(f"{name:34} {start} {run_s:8.1f} {len(docs) / run_s:8.1f}")
    ratio = rates["local[2]"] / rates["local[1]"]
    print(f"\nlocal[2] / local[1] throughput: {ratio:.2f}x (acceptance: >= 1.6x)")
    if not args.skip_plain:
        plain_rate = len(docs) / rows[0][2]
        print(f"spark local[1] / plain: {rates['local[1]'] / plain_rate:.2f}x (one core)")
    print(f"load average after: {os.getloadavg()}")
    print()
    print(estimate(rates["local[1]"], rates["local[2]"], args.nodes, args.cores))
    return 0 if ratio >= 1.6 else 1


if __name__ == "__main__":
    sys.exit(main())
