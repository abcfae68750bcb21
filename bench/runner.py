"""Run the benchmark stages for each corpus size and collect their figures.

Stages, per size: generate the corpus → extract on one core (a sample) → extract on all cores →
resolve into one graph → build every registered store (time, disk, peak memory) → time the seven
analyst queries on each store → ingest through ``GraphService`` into a workspace → load the API
with 50 concurrent clients. A stage whose dependency is missing or unfinished is recorded as
"not run: <reason>" and the run goes on; a stage that breaks is recorded as "failed: <reason>".
Catching every exception per stage is deliberate here: a benchmark must always produce its report.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from dirgraph.bench import machine
from dirgraph.bench.measure import (
    Latency,
    QueryTimeout,
    children_peak,
    folder_bytes,
    forked_latency,
    peak_memory,
    time_calls,
)
from dirgraph.bench.synthetic import Corpus, generate_corpus
from dirgraph.core.errors import StoreError

Progress = Callable[[str], None]
QUERY_NAMES = ("chain_up", "cascade", "task_agencies", "agency_tasks", "coverage", "deadlines", "coordination")
MB = 1024 * 1024


class NotRun(Exception):
    """A stage cannot run here (dependency missing, not landed, too big for this machine)."""


@dataclass
class BenchConfig:
    sizes: list[int]
    quick: bool = False
    repeat: int = 50
    seed: int = 0
    workdir: Path | None = None
    api_clients: int = 50
    api_seconds: float = 10.0
    rdflib_max_docs: int = 1000
    stage_budget_s: float = 1200.0
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)


@dataclass
class StageResult:
    status: str  # "ok" | "not run" | "failed"
    reason: str = ""
    metrics: dict[str, Any] = field(default_factory=dict)


@dataclass
class SizeResult:
    size: int
    stages: dict[str, StageResult] = field(default_factory=dict)
    latency: dict[str, dict[str, Latency]] = field(default_factory=dict)  # store -> query -> latency
    query_errors: dict[str, dict[str, str]] = field(default_factory=dict)
    timeouts: dict[str, dict[str, float]] = field(default_factory=dict)  # store -> query -> deadline (ms)


@dataclass
class BenchResults:
    config: BenchConfig
    machine: dict[str, str]
    sizes: list[SizeResult] = field(default_factory=list)
    seconds: float = 0.0


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"[:300]


def _stage(result: SizeResult, name: str, progress: Progress, fn: Callable[[], dict[str, Any]]) -> bool:
    """Run one stage; record ok / not run / failed. Returns True when it ran."""
    progress(f"[{result.size}] {name} …")
    started = time.perf_counter()
    try:
        metrics = fn()
    except NotRun as exc:
        result.stages[name] = StageResult("not run", str(exc))
        return False
    except (ImportError, NotImplementedError) as exc:
        result.stages[name] = StageResult("not run", f"not landed yet ({_one_line(exc)})")
        return False
    except Exception as exc:
        result.stages[name] = StageResult("failed", _one_line(exc))
        progress(f"[{result.size}] {name} failed: {_one_line(exc)}")
        return False
    metrics.setdefault("seconds", round(time.perf_counter() - started, 3))
    result.stages[name] = StageResult("ok", metrics=metrics)
    progress(f"[{result.size}] {name} done in {time.perf_counter() - started:.1f} s")
    return True


class _Run:
    """State shared by the stages of one corpus size."""

    def __init__(self, config: BenchConfig, size: int, work: Path, progress: Progress) -> None:
        self.config = config
        self.size = size
        self.work = work
        self.progress = progress
        self.result = SizeResult(size)
        self.corpus: Corpus | None = None
        self.home = work / "home"
        self.workspace: Any = None
        self.graph: Any = None
        self.stores: dict[str, Any] = {}
        self._staged: Any = None  # graph.json written beside the store loads, published by save_graph
        self._staged_seconds = 0.0
        self.params: dict[str, dict[str, Any]] = {}
        self.wide_ids: tuple[list[str], list[str], list[str]] = ([], [], [])

    # -- stages --------------------------------------------------------------------------------
    def generate(self) -> dict[str, Any]:
        folder = self.work / "corpus"
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        self.corpus = generate_corpus(self.size, folder, seed=self.config.seed)
        seconds = time.perf_counter() - started
        total = self.corpus.bytes_total
        formats = Counter(Path(d.path).suffix.lstrip(".") for d in self.corpus.documents)
        return {"seconds": round(seconds, 2), "docs_per_s": round(self.size / seconds, 1), "mb": round(total / MB, 1),
                "cascades": len(self.corpus.missing), "formats": dict(sorted(formats.items()))}

    def _paths(self) -> list[str]:
        if self.corpus is None:
            raise NotRun("no corpus")
        return [str(self.corpus.root / d.path) for d in self.corpus.documents]

    def ingest_one_core(self) -> dict[str, Any]:
        """Steady extraction rate of one process: tables and gazetteer are loaded before the clock starts
        (their one-off cost is reported as ``warm_up_s``)."""
        from dirgraph.ingest.pipeline import extract_file, warm_up

        every = self._paths()
        sample = 20 if self.config.quick else 500
        paths = one_core_sample(every, sample)
        nbytes = sum(Path(p).stat().st_size for p in paths)
        failed = 0
        warm_started = time.perf_counter()
        warm_up()
        warm_up_s = time.perf_counter() - warm_started
        started = time.perf_counter()
        for path in paths:
            try:
                extract_file(Path(path))
            except Exception:
                failed += 1
        seconds = time.perf_counter() - started
        return {"docs": len(paths), "seconds": round(seconds, 2), "docs_per_s": round(len(paths) / seconds, 1),
                "mb_per_s": round(nbytes / MB / seconds, 2), "failed": failed, "warm_up_s": round(warm_up_s, 2)}

    def ingest_all_cores(self) -> dict[str, Any]:
        """Extract every file through the product's own path: ``Workspace.ingest`` (process pool, records on disk).

        The records stay on disk (never all in this process's memory); ``resolve`` then reads them the
        way ``GraphService.rebuild`` does, so the stages ingest → resolve → builds → save are one
        end-to-end ingest measured piece by piece.
        """
        from dirgraph.graph.workspace import Workspace

        paths = [Path(p) for p in self._paths()]
        nbytes = sum(p.stat().st_size for p in paths)
        workers = self.config.workers
        self.workspace = Workspace(self.home)
        with children_peak() as workers_peak:
            started = time.perf_counter()
            report = self.workspace.ingest(paths, workers=workers)
            seconds = time.perf_counter() - started
        failures = [f.reason for f in report.failed]
        return {"docs": len(paths), "workers": workers, "seconds": round(seconds, 2),
                "docs_per_s": round(len(paths) / seconds, 1), "docs_per_s_per_core": round(len(paths) / seconds / workers, 1),
                "mb_per_s": round(nbytes / MB / seconds, 2), "failed": len(failures),
                "first_failure": failures[0] if failures else "", "worker_peak_mb": round(workers_peak.private_bytes / MB, 1)}

    def resolve(self) -> dict[str, Any]:
        if self.workspace is None:
            raise NotRun("no extraction records (ingest did not run)")
        with peak_memory() as peak:
            self.graph = self.workspace.build_graph(save=False)
        return {"nodes": len(self.graph.nodes), "edges": len(self.graph.edges), "peak_mb": round(peak.delta / MB, 1)}

    def fidelity(self) -> dict[str, Any]:
        """The resolved graph against the generator's manifest (not part of the end-to-end time)."""
        from dirgraph.bench.fidelity import score_graph

        if self.graph is None or self.corpus is None:
            raise NotRun("no resolved graph")
        return {"checks": score_graph(self.graph, self.corpus.documents)}

    def save_graph(self) -> dict[str, Any]:
        """Last step of an ingest: ``graph.json``, the signal for readers (the API) to reopen."""
        if self.workspace is None or self.graph is None:
            raise NotRun("no graph (resolve did not run)")
        staged, self._staged = self._staged, None
        if staged is not None:  # written beside the store loads (build_projected): only the rename is left
            started = time.perf_counter()
            staged.publish()
            return {"seconds": round(time.perf_counter() - started, 3), "written_beside_loads_s": round(self._staged_seconds, 2),
                    "peak_mb": None, "disk_mb": round(folder_bytes(self.home) / MB, 1)}
        with peak_memory() as peak:
            self.workspace.save_graph(self.graph)
        return {"peak_mb": round(peak.delta / MB, 1), "disk_mb": round(folder_bytes(self.home) / MB, 1)}

    def build_store(self, name: str) -> dict[str, Any]:
        if self.graph is None:
            raise NotRun("no graph (resolve did not run)")
        folder = self._store_folder(name)
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        if name == "neo4j" and not os.environ.get("NEO4J_URI"):
            raise NotRun("no NEO4J_URI (needs a live Neo4j server)")
        if name == "rdflib":
            if self.size > self.config.rdflib_max_docs:
                raise NotRun(f"rdflib in-memory is the small-scale baseline only (most of its queries pass "
                             f"20 s at 1,000 documents); run up to {self.config.rdflib_max_docs:,} documents")
            store = self._rdflib_store()
        else:
            from dirgraph.graph.stores import open_store

            store = open_store(name, folder)
        started = time.perf_counter()
        with peak_memory() as peak:
            store.load(self.graph)
        seconds = time.perf_counter() - started
        self.stores[name] = store
        return {"seconds": round(seconds, 2), "disk_mb": round(folder_bytes(folder) / MB, 1),
                "peak_mb": round(peak.delta / MB, 1), "projected": name in _projected_stores()}

    def build_projected(self, names: list[str]) -> dict[str, Any]:
        """Load the stores an ingest loads, the way ``GraphService.rebuild`` does: concurrently.

        Each store's own wall time (while the other ran beside it) and disk size go into its
        ``build:<name>`` stage; this stage's seconds are the wall of the whole step, the figure
        the end-to-end total uses.
        """
        from dirgraph.graph.stores import open_store
        from dirgraph.graph.stores.concurrent_load import load_concurrently

        if self.graph is None:
            raise NotRun("no graph (resolve did not run)")
        stores = []
        for name in names:
            folder = self._store_folder(name)
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            stores.append(open_store(name, folder))
        staged = self._staged = self.workspace.stage_graph_file() if self.workspace is not None else None
        try:
            with peak_memory() as peak:
                times = load_concurrently(self.graph, [*stores, *([staged] if staged else [])])
        except BaseException:
            for store in stores:
                store.close()
            if staged is not None:
                staged.discard()
            self._staged = None
            raise
        if staged is not None:
            self._staged_seconds = times.seconds[staged.name]
        for name, store in zip(names, stores, strict=True):
            self.stores[name] = store
            self.result.stages[f"build:{name}"] = StageResult("ok", metrics={
                "seconds": round(times.seconds[name], 2), "disk_mb": round(folder_bytes(self._store_folder(name)) / MB, 1),
                "peak_mb": None, "projected": True, "concurrent": True})
        return {"seconds": round(times.wall, 2), "peak_mb": round(peak.delta / MB, 1), "stores": names}

    def _store_folder(self, name: str) -> Path:
        """Where the service keeps store ``name`` (projected stores are built in place, the API serves them)."""
        if name in _projected_stores():
            from dirgraph.graph.service import GraphService

            return GraphService(self.home)._store_path(name)
        return self.work / "stores" / name

    def _rdflib_store(self) -> Any:
        from dirgraph.graph import rdf
        from dirgraph.graph.stores import open_store, store_names

        if "rdflib" in store_names():
            return open_store("rdflib", self.work / "stores" / "rdflib")
        from dirgraph.bench.rdflib_engine import BYTES_PER_TRIPLE, RdflibMemoryEngine

        quads = rdf.to_nquads(self.graph).count(b"\n")
        need = quads * BYTES_PER_TRIPLE
        available = _available_memory()
        if available and need > available * 0.6:
            raise NotRun(f"rdflib in-memory would need ~{need / 2**30:.1f} GiB for {quads:,} quads "
                         f"({available / 2**30:.1f} GiB available)")
        return RdflibMemoryEngine()

    def time_queries(self, name: str) -> dict[str, Any]:
        store = self.stores.get(name)
        if store is None or not hasattr(store, "named"):
            raise NotRun("store not built")
        params = self.params or self._choose_params()
        budget = 2.0 if self.config.quick else 30.0
        deadline = min(budget * 3, 20.0)  # only for the isolated (rdflib) engine
        timings: dict[str, Latency] = {}
        errors: dict[str, str] = {}
        # rdflib cannot be interrupted in-process and some queries run for minutes on it: time each
        # query in a forked child and kill it at the deadline (pure Python, so fork is safe there)
        isolate = name == "rdflib"
        for query in QUERY_NAMES:
            def call(q: str = query) -> Any:
                return store.named(q, params[q])

            try:
                if isolate:
                    timings[query] = forked_latency(call, self.config.repeat, budget, deadline_s=deadline)
                else:
                    timings[query] = time_calls(call, self.config.repeat, budget_s=budget)
            except QueryTimeout:
                self.result.timeouts.setdefault(name, {})[query] = deadline * 1000
            except Exception as exc:
                errors[query] = _one_line(exc)
        self.result.latency[name] = timings
        if errors:
            self.result.query_errors[name] = errors
        return {"queries": len(timings), "errors": len(errors)}

    def reopen_store(self, name: str) -> None:
        """Open a built projected store read-only, as the API does."""
        from dirgraph.graph.stores import open_store

        self.stores[name] = open_store(name, self._store_folder(name), read_only=True)

    def close_store(self, name: str) -> None:
        store = self.stores.pop(name, None)
        if store is not None:
            try:
                store.close()
            except Exception as exc:
                self.progress(f"[{self.size}] closing {name}: {_one_line(exc)}")

    def _choose_params(self) -> dict[str, dict[str, Any]]:
        self.params = choose_params(self.graph, self.corpus)
        self.wide_ids = wide_lookup_ids(self.graph)
        return self.params

    def api_load(self, cache: bool = True) -> dict[str, Any]:
        """50 clients against a real ``dirgraph serve`` on the workspace.

        Two workloads, both reported: with the response cache on, the hot set of look-ups the
        queries use (after one untimed pass every answer is a cache hit: what a busy portal page
        costs); with the cache off, a wide set of distinct documents, agencies and tasks spread over
        the corpus (every request does the real look-up: what a crawl or a first visit costs).
        """
        from dirgraph.api.loadtest import lookup_paths, run_load
        from dirgraph.api.server_process import running_server

        status = self.result.stages.get("save_graph")
        if status is None or status.status != "ok":
            raise NotRun("no workspace (the ingest stages did not run)")
        params = self.params or (self._choose_params() if self.graph is not None else {})
        if cache:
            doc_ids = [params[q]["id"] for q in ("chain_up", "cascade") if q in params]
            agency_ids = [params["agency_tasks"]["id"]] if "agency_tasks" in params else []
            task_ids = [params["task_agencies"]["id"]] if "task_agencies" in params else []
            paths = lookup_paths(doc_ids, agency_ids, task_ids, queries=["so giao duc", "chuyển đổi số"])
        else:
            paths = lookup_paths(*self.wide_ids)
        seconds = 3.0 if self.config.quick else self.config.api_seconds
        env = {"DIRGRAPH_RESPONSE_CACHE": "1" if cache else "0"}
        with children_peak() as server, running_server(self.home, env=env, log_path=self.work / "api.log",
                                                       start_timeout_s=120.0) as base:
            load = run_load(base, paths, clients=self.config.api_clients, seconds=seconds)
        return {"clients": load.clients, "seconds": load.seconds, "requests": load.requests, "rps": load.rps,
                "errors": load.errors, "p50_ms": load.p50_ms, "p99_ms": load.p99_ms, "statuses": load.statuses,
                "paths": len(paths), "workload": "hot set, cache on" if cache else "wide set, cache off",
                "server_peak_mb": round(server.bytes / MB, 1)}


def _metric(result: SizeResult, stage: str, key: str) -> Any:
    found = result.stages.get(stage)
    return found.metrics.get(key) if found and found.status == "ok" else None


def one_core_sample(paths: list[str], size: int, seed: int = 0) -> list[str]:
    """``size`` paths drawn at random (seeded: the same sample each run), in corpus order.

    Not every n-th path: the corpus is written cascade by cascade, and a stride can fall in step
    with the cascade's period and pick one kind of document over and over (measured on a 10^4
    corpus: three strided samples of 500 ran at 213, 223 and 263 documents/s).
    """
    if len(paths) <= size:
        return list(paths)
    picked = sorted(random.Random(seed).sample(range(len(paths)), size))
    return [paths[i] for i in picked]


def choose_params(graph: Any, corpus: Corpus | None) -> dict[str, dict[str, Any]]:
    """Realistic parameters for the seven queries, picked from the graph the corpus produced."""
    docs = [n for n in graph.nodes.values() if n.type.value == "Document" and not n.placeholder]
    by_name = {Path(n.source).name: n for n in docs if n.source}
    ordered = [by_name[Path(d.path).name] for d in corpus.documents if Path(d.path).name in by_name] if corpus else docs
    if not ordered:
        raise NotRun("no ingested documents in the graph")
    level_of = {Path(d.path).name: d.level for d in corpus.documents} if corpus else {}
    root = ordered[0]
    deep = next((n for n in ordered if level_of.get(Path(n.source or "").name) == "commune"), ordered[-1])
    lead_edges = [e for e in graph.edges.values() if e.type.value == "LEADS"]
    task_ids = [e.target for e in lead_edges if e.target in graph.nodes and graph.nodes[e.target].type.value == "Task"]
    busiest = Counter(e.source for e in lead_edges).most_common(1)
    agency = busiest[0][0] if busiest else next((n.id for n in graph.nodes.values() if n.type.value == "Agency"), "")
    locality = next((d.locality_id for d in ordered[1:] if d.locality_id), None) or ""
    year = int((root.date or "2024")[:4]) + 1
    return {
        "chain_up": {"id": deep.id},
        "cascade": {"id": root.id},
        "task_agencies": {"id": task_ids[0] if task_ids else ""},
        "agency_tasks": {"id": agency},
        "coverage": {"id": root.id, "level": "province", "era": "post2025", "map": "post2025"},
        "deadlines": {"date_from": f"{year}-01-01", "date_to": f"{year}-12-31"},
        "coordination": {"id": locality, "locality_id": locality},
    }


def _spread(ids: list[str], count: int) -> list[str]:
    """``count`` ids evenly spaced over the sorted list (deterministic, covers every level)."""
    ids = sorted(ids)
    step = max(1, len(ids) // max(1, count))
    return ids[::step][:count]


def wide_lookup_ids(graph: Any, docs: int = 100, agencies: int = 50, tasks: int = 50) -> tuple[list[str], list[str], list[str]]:
    """Distinct documents, agencies and tasks spread over the graph, for the uncached API workload."""
    by_type: dict[str, list[str]] = {"Document": [], "Agency": [], "Task": []}
    for node in graph.nodes.values():
        kind = node.type.value
        if kind in by_type and not (kind == "Document" and node.placeholder):
            by_type[kind].append(node.id)
    return _spread(by_type["Document"], docs), _spread(by_type["Agency"], agencies), _spread(by_type["Task"], tasks)


def _available_memory() -> int:
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _projected_stores() -> tuple[str, ...]:
    """The stores ``GraphService.rebuild`` loads on every ingest (the rest are built for comparison only)."""
    try:
        from dirgraph.graph.service import PROJECTED_STORES
    except ImportError:
        return ()
    return tuple(PROJECTED_STORES)


def store_list() -> list[str]:
    """Every registered store plus the rdflib in-memory baseline."""
    try:
        from dirgraph.graph.stores import store_names

        names = list(store_names())
    except ImportError:
        names = []
    return names + ([] if "rdflib" in names else ["rdflib"])


def run_size(config: BenchConfig, size: int, work: Path, progress: Progress) -> SizeResult:
    run = _Run(config, size, work, progress)
    res = run.result
    if not _stage(res, "generate", progress, run.generate):
        return res
    _stage(res, "ingest_one_core", progress, run.ingest_one_core)
    # one end-to-end ingest, stage by stage, in the order GraphService.rebuild runs them
    _stage(res, "ingest_all_cores", progress, run.ingest_all_cores)
    _stage(res, "resolve", progress, run.resolve)
    _stage(res, "fidelity", progress, run.fidelity)
    names = store_list()
    projected = [n for n in names if n in _projected_stores()]
    if projected:
        _stage(res, "build_projected", progress, partial(run.build_projected, projected))
    for name in projected:
        if f"build:{name}" not in res.stages:  # the concurrent load broke before timing this store
            res.stages[f"build:{name}"] = StageResult("failed", "see build_projected")
        run.close_store(name)  # the builder's handle; queries open the store again, read-only
    _stage(res, "save_graph", progress, run.save_graph)
    for name in names:
        if name not in projected:
            _stage(res, f"build:{name}", progress, partial(run.build_store, name))
        elif res.stages.get(f"build:{name}", StageResult("failed")).status == "ok":
            run.reopen_store(name)
        if name in run.stores:
            _stage(res, f"queries:{name}", progress, partial(run.time_queries, name))
        run.close_store(name)
    if run.graph is not None and not run.params:
        run._choose_params()
    run.graph = None
    _stage(res, "api_load", progress, run.api_load)
    _stage(res, "api_load_uncached", progress, partial(run.api_load, cache=False))
    return res


def run_bench(config: BenchConfig, progress: Progress = lambda _msg: None,
              on_size: Callable[[BenchResults], None] | None = None) -> BenchResults:
    """Run every size in ``config.sizes``; scratch data lives under ``config.workdir`` or a temp folder.

    ``on_size`` gets the results so far after each size (the CLI rewrites the report then, so a run
    stopped during its largest size still leaves the smaller sizes' figures).
    """
    results = BenchResults(config=config, machine=machine.describe())
    started = time.perf_counter()
    try:
        if config.workdir is not None:
            config.workdir.mkdir(parents=True, exist_ok=True)
        scratch = Path(tempfile.mkdtemp(prefix="dirgraph-bench-", dir=config.workdir))
    except OSError as exc:
        raise StoreError(f"{config.workdir}: cannot make the bench's scratch folder: {exc.strerror or exc}") from exc
    try:
        for size in config.sizes:
            work = scratch / f"n{size}"
            work.mkdir(parents=True, exist_ok=True)
            results.sizes.append(run_size(config, size, work, progress))
            shutil.rmtree(work, ignore_errors=True)
            if on_size is not None:
                results.seconds = round(time.perf_counter() - started, 1)
                on_size(results)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    results.seconds = round(time.perf_counter() - started, 1)
    return results
