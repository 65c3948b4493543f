"""Spark scaling: documents/s of ``onrecord extract`` vs the Spark job on local[1] and local[2].

Why: the Spark job exists to scale extraction past one machine, so the figures that matter
are (a) what the job costs over the plain command on one core and (b) how it scales with
cores. From them the script writes an estimate of hours for 1 million and 100 million
articles on a cluster of a given size.

Every run processes the same documents JSONL file: PolNeAR train+dev (read at run time from
the shared folder, cycled with a marker line so each copy is a distinct article; nothing is
copied into the repo) or, when the shared folder is absent, generated articles built from
sentences written for this script. The runs:

* ``onrecord extract DOCS -o OUT`` as a subprocess (wall time: start, model load, extraction);
* ``onrecord spark-extract``'s job (:func:`onrecord.spark.job.run_job`) on ``local[1]`` and
  ``local[2]``, each in a fresh SparkSession; the job time excludes the JVM start (reported
  apart) and includes the Python workers' model loads, the shuffle and the Parquet writes.

An untimed warm-up job runs first, so the first timed run does not alone pay for cold caches.
The machine is shared and noisy, so ``--repeat N`` runs each Spark master N times,
interleaved (1, 2, 1, 2, ...) so that load drifting over time hurts both alike, and the best
run of each counts. Every run reports the cores it used and the cores other processes used
meanwhile (from /proc), so a run the machine starved is visible as such; ``--max-others 0.3``
waits before each run until the other processes are (nearly) idle. Exit 1 when the local[2] /
local[1] ratio is below ``--min-ratio`` (the acceptance figure, 1.6), 0 otherwise.

Usage (the final figures want a quiet machine)::

    SPARK_LOCAL_IP=127.0.0.1 .venv/bin/python benchmarks/spark_scaling.py \
        --docs 1000 --repeat 2 --max-others 0.3
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from onrecord.config import shared_dir
from onrecord.model import Article

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

#: Runs ``onrecord extract`` in a child process with this interpreter (no PATH lookup).
_CLI = "import sys; from onrecord.cli.main import main; sys.exit(main(sys.argv[1:]))"


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
    """``n`` articles of 40 sentences from the templates above (PolNeAR's size order)."""
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
                "text": f"Generated article {i}\n\n" + "\n\n".join(paragraphs),
                "outlet": rng.choice(["Northwind Wire", "Harbour Post", "Valley Courier"]),
                "published": f"2024-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            }
        )
    return docs


def corpus(n: int) -> tuple[list[dict[str, str]], str]:
    """``n`` distinct documents and where they came from; PolNeAR is cycled with fresh ids."""
    seen: set[str] = set()  # the job (like ingest) keeps one article per content id
    base = []
    for doc in polnear_documents():
        cid = Article(id=doc["id"], text=doc["text"]).content_id
        if cid not in seen:
            seen.add(cid)
            base.append(doc)
    if not base:
        return generated_documents(n), "generated (shared PolNeAR not found)"
    docs = []
    for k, doc in enumerate(itertools.islice(itertools.cycle(base), n)):
        copy = k // len(base)
        # a repeat needs its own content, or the job would keep it once
        text = doc["text"] + (f"\n\n(Benchmark copy {copy}.)" if copy else "")
        docs.append({**doc, "id": f"{doc['id']}#{copy}", "text": text})
    return docs, f"PolNeAR train+dev ({len(base)} distinct documents, cycled)"


@dataclass
class Run:
    """One timed run: what ran, seconds, statements found, and the CPU it got."""

    name: str
    seconds: float
    statements: int
    start_s: float | None = None  # Spark: JVM and first Python worker, not in ``seconds``
    cpu: CpuShare | None = None


@dataclass
class CpuShare:
    """Cores used on average during a run: by this benchmark's processes and by the others.

    Why: on a shared machine the local[2] / local[1] ratio means little unless one can see
    whether local[2] got two cores; ``ours`` near 2 with ``others`` near 0 is a clean run.
    """

    ours: float
    others: float


def _ticks_busy() -> tuple[int, int]:
    """(busy, total) clock ticks of all CPUs since boot, from /proc/stat."""
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle + iowait
    return sum(fields) - idle, sum(fields)


def _tree_ticks() -> int:
    """CPU clock ticks of this process and its live descendants (the JVM, Python workers,
    the ``onrecord extract`` child), with the reaped children each of them waited for."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # the process ended meanwhile
            continue
        rest = stat.rsplit(")", 1)[1].split()
        parents[int(entry.name)] = int(rest[1])
        ticks[int(entry.name)] = sum(int(x) for x in rest[11:15])  # utime stime cutime cstime
    total, todo = 0, [os.getpid()]
    children: dict[int, list[int]] = {}
    for pid, ppid in parents.items():
        children.setdefault(ppid, []).append(pid)
    while todo:
        pid = todo.pop()
        total += ticks.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


class CpuMeter:
    """Measures a run's :class:`CpuShare` (Linux /proc; None elsewhere)."""

    def __enter__(self) -> CpuMeter:
        self.share: CpuShare | None = None
        self.ok = Path("/proc/stat").exists()
        if self.ok:
            self.busy, self.total = _ticks_busy()
            self.ours = _tree_ticks()
        return self

    def stop(self) -> None:
        """Read the counters now (before Spark stops and its workers' ticks vanish)."""
        if not self.ok or self.share is not None:
            return
        busy, total = _ticks_busy()
        cores = os.cpu_count() or 1
        wall = (total - self.total) / cores  # ticks of one CPU over the run
        if wall <= 0:
            return
        ours = max(0, _tree_ticks() - self.ours)
        self.share = CpuShare(ours / wall, max(0.0, (busy - self.busy - ours) / wall))

    def __exit__(self, *exc: object) -> None:
        self.stop()


def time_cli(path: Path, out: Path) -> Run:
    """``onrecord extract`` over the file, in a child process, wall clock."""
    with CpuMeter() as meter:
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", _CLI, "extract", str(path), "-o", str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise SystemExit(f"onrecord extract failed ({proc.returncode}): {proc.stderr.strip()}")
    with out.open(encoding="utf-8") as fh:
        statements = sum(len(json.loads(line)["statements"]) for line in fh)
    return Run("onrecord extract (1 process)", seconds, statements, cpu=meter.share)


def time_spark(path: Path, out: Path, master: str, partitions: int, n_docs: int) -> Run:
    """The Spark job on ``master`` in a fresh session; checks every document was written."""
    from onrecord.spark.job import JobConfig, build_session, run_job

    config = JobConfig(inputs=(str(path),), output=str(out), master=master, partitions=partitions)
    started = time.perf_counter()
    spark = build_session(config)
    spark.sparkContext.parallelize([0], 1).count()  # JVM and first Python worker up
    start_s = time.perf_counter() - started
    try:
        with CpuMeter() as meter:
            started = time.perf_counter()
            result = run_job(config, spark)
            seconds = time.perf_counter() - started
    finally:
        spark.stop()
    counts = result.counts
    if counts.get("articles") != n_docs or counts.get("errors"):
        raise SystemExit(
            f"{master}: wrote {counts.get('articles')} of {n_docs} articles, "
            f"{counts.get('errors')} errors (see {out}/errors)"
        )
    return Run(f"spark job {master}", seconds, counts["statements"], start_s, meter.share)


def others_busy(sample_s: float = 5.0) -> float | None:
    """Cores other processes use now (averaged over ``sample_s``); None without /proc."""
    with CpuMeter() as meter:
        time.sleep(sample_s)
    return meter.share.others if meter.share else None


def wait_for_quiet(max_others: float | None, max_wait: float) -> None:
    """Before a run: wait up to ``max_wait`` s until other processes use < ``max_others``
    cores, so that a shared machine's busy spells do not land in one configuration only."""
    if max_others is None:
        return
    deadline = time.monotonic() + max_wait
    while (busy := others_busy()) is not None and busy >= max_others:
        if time.monotonic() > deadline:
            print(f"  (still {busy:.2f} cores busy elsewhere after {max_wait:.0f}s: running)")
            return
        print(f"  waiting: {busy:.2f} cores busy elsewhere", flush=True)


def _cpu_note(r: Run) -> str:
    return f"cores: ours {r.cpu.ours:.2f}, others {r.cpu.others:.2f}" if r.cpu else ""


def warm_up(docs: list[dict[str, str]], tmp: Path) -> None:
    """One untimed job over a few documents, so the first timed run does not alone pay for a
    cold start (JVM classes, the model's files into the page cache, Python imports)."""
    path = tmp / "warm-up.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for d in docs[:8]:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    started = time.perf_counter()
    time_spark(path, tmp / "warm-up", "local[2]", 2, min(8, len(docs)))
    print(f"  warm-up job (untimed): {time.perf_counter() - started:.1f}s", flush=True)


def estimate(rate_1: float, rate_2: float, nodes: int, cores: int) -> str:
    """Hours for 1M and 100M articles on ``nodes`` x ``cores``, from the measured rates."""
    efficiency = min(1.0, rate_2 / (2 * rate_1))  # scaling efficiency from 1 to 2 cores
    cluster_rate = rate_1 * nodes * cores * efficiency
    lines = [
        f"Estimate: {nodes} nodes x {cores} cores = {nodes * cores} executor cores, each as"
        f" fast as one core here in the job ({rate_1:.2f} docs/s, local[1]), at the"
        f" local[1] -> local[2] scaling efficiency measured here ({efficiency:.0%}):"
        f" {cluster_rate:,.0f} docs/s.",
    ]
    for n in (1_000_000, 100_000_000):
        lines.append(f"  {n:>11,} articles: {n / cluster_rate / 3600:8.2f} h")
    lines.append(
        "  Assumes articles of the benchmark's length, ~1 GB executor memory per core (the"
        " model and a batch), input read at cluster bandwidth; leaves out cluster start-up"
        " and the import into the embedded store (one SQLite writer)."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--docs", type=int, default=1000, help="documents per run (default 1000)")
    p.add_argument("--repeat", type=int, default=1, help="runs per Spark master (best counts)")
    p.add_argument(
        "--partitions", type=int, default=12, help="extraction partitions (all Spark runs)"
    )
    p.add_argument("--nodes", type=int, default=20, help="cluster size for the estimate")
    p.add_argument("--cores", type=int, default=16, help="cores per node for the estimate")
    p.add_argument("--min-ratio", type=float, default=1.6, help="acceptance: local[2]/local[1]")
    p.add_argument("--skip-cli", action="store_true", help="leave out `onrecord extract`")
    p.add_argument(
        "--max-others",
        type=float,
        default=None,
        metavar="CORES",
        help="before each run, wait until other processes use fewer cores than this",
    )
    p.add_argument("--max-wait", type=float, default=900, help="longest wait for --max-others (s)")
    args = p.parse_args(argv)
    if args.docs < 1 or args.repeat < 1 or args.partitions < 1:
        p.error("--docs, --repeat and --partitions must be at least 1")
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")

    docs, origin = corpus(args.docs)
    chars = sum(len(d["text"]) for d in docs)
    print(f"corpus: {len(docs)} documents, {chars / len(docs):,.0f} chars on average; {origin}")
    print(f"cpu count: {os.cpu_count()}, load average before: {os.getloadavg()}", flush=True)

    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="onrecord-spark-bench-") as tmp:
        path = Path(tmp) / "docs.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        warm_up(docs, Path(tmp))
        if not args.skip_cli:
            wait_for_quiet(args.max_others, args.max_wait)
            runs.append(time_cli(path, Path(tmp) / "cli.jsonl"))
            print(f"  {runs[-1].name}: {runs[-1].seconds:.1f}s; {_cpu_note(runs[-1])}")
        for i, master in enumerate(["local[1]", "local[2]"] * args.repeat):
            wait_for_quiet(args.max_others, args.max_wait)
            out = Path(tmp) / f"out-{i}"
            runs.append(time_spark(path, out, master, args.partitions, len(docs)))
            r = runs[-1]
            print(f"  {r.name}: start {r.start_s:.1f}s, job {r.seconds:.1f}s; {_cpu_note(r)}")
            sys.stdout.flush()

    print()
    print(
        f"{'run':30} {'start s':>8} {'run s':>8} {'docs/s':>8} {'statements':>10}"
        f" {'our cores':>9} {'others':>6}"
    )
    for r in runs:
        start = f"{r.start_s:8.1f}" if r.start_s is not None else " " * 8
        cpu = f" {r.cpu.ours:9.2f} {r.cpu.others:6.2f}" if r.cpu else ""
        print(
            f"{r.name:30} {start} {r.seconds:8.1f} {len(docs) / r.seconds:8.2f}"
            f" {r.statements:10}{cpu}"
        )
    if len({r.statements for r in runs}) > 1:
        print("WARNING: the runs found different numbers of statements (see the table)")

    best = {m: min(r.seconds for r in runs if r.name.endswith(m)) for m in ("[1]", "[2]")}
    rate_1, rate_2 = len(docs) / best["[1]"], len(docs) / best["[2]"]
    ratio = rate_2 / rate_1
    verdict = "meets" if ratio >= args.min_ratio else "BELOW"
    print(f"\nbest local[1]: {rate_1:.2f} docs/s, best local[2]: {rate_2:.2f} docs/s")
    print(f"local[2] / local[1] throughput: {ratio:.2f}x ({verdict} {args.min_ratio}x)")
    if not args.skip_cli:
        cli_rate = len(docs) / runs[0].seconds
        print(f"spark local[1] / onrecord extract: {rate_1 / cli_rate:.2f}x (one core each)")
    print(f"load average after: {os.getloadavg()}")
    print()
    print(estimate(rate_1, rate_2, args.nodes, args.cores))
    return 0 if ratio >= args.min_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
