"""Write BENCHMARKS.md from a :class:`~dirgraph.bench.runner.BenchResults`.

The goals are fixed here, not tuned to what was measured: each is reported as met, missed (with
the measured figure and the factor it is off by) or not measured (with the reason).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dirgraph.bench.runner import QUERY_NAMES, BenchResults, SizeResult, StageResult

SECTIONS = ("Machine", "Goals", "Corpus generation", "Ingest", "Extraction fidelity", "Graph and store build", "Query latency",
            "API under load", "Stages not run", "How to reproduce")
EMBEDDED = ("ladybug", "oxigraph")


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        if value < 10:
            return f"{value:,.3f}".rstrip("0").rstrip(".")
        return f"{value:,.1f}" if value < 100 else f"{value:,.0f}"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, dict):
        return ", ".join(f"{k} {_fmt(v)}" for k, v in value.items())
    return str(value)


def _table(head: list[str], rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    out += ["| " + " | ".join(_fmt(c) for c in row) + " |" for row in rows]
    return [*out, ""]


def _stage(size: SizeResult, name: str) -> StageResult | None:
    return size.stages.get(name)


def _metric(size: SizeResult, stage: str, key: str) -> Any:
    found = _stage(size, stage)
    return found.metrics.get(key) if found and found.status == "ok" else None


def _status_cell(size: SizeResult, stage: str) -> str:
    found = _stage(size, stage)
    if found is None:
        return "—"
    return "ok" if found.status == "ok" else f"{found.status}: {found.reason}"


class _Goals:
    """Compare the largest measured size against each fixed goal."""

    def __init__(self, results: BenchResults) -> None:
        self.sizes = results.sizes
        self.rows: list[list[str]] = []

    def add(self, goal: str, measured: str, verdict: str) -> None:
        self.rows.append([goal, measured, verdict])

    def largest_with(self, stage: str) -> SizeResult | None:
        done = [s for s in self.sizes if (st := s.stages.get(stage)) is not None and st.status == "ok"]
        return max(done, key=lambda s: s.size) if done else None

    def check_min(self, goal: str, value: float | None, target: float, unit: str, where: str) -> None:
        if value is None:
            self.add(goal, "—", "not measured")
        elif value >= target:
            self.add(goal, f"{_fmt(value)} {unit} ({where})", "met")
        else:
            self.add(goal, f"{_fmt(value)} {unit} ({where})", f"missed: {target / value:.1f}× short" if value else "missed")

    def check_max(self, goal: str, value: float | None, target: float, unit: str, where: str) -> None:
        if value is None:
            self.add(goal, "—", "not measured")
        elif value < target:
            self.add(goal, f"{_fmt(value)} {unit} ({where})", "met")
        else:
            self.add(goal, f"{_fmt(value)} {unit} ({where})", f"missed: {value / target:.1f}× over")


def goals(results: BenchResults) -> list[str]:
    g = _Goals(results)
    one = g.largest_with("ingest_one_core")
    g.check_min("ingest ≥ 300 docs/s per core (one process)", _metric(one, "ingest_one_core", "docs_per_s") if one else None,
                300, "docs/s", f"{one.size:,} docs" if one else "")
    every = g.largest_with("ingest_all_cores")
    g.check_min("ingest ≥ 300 docs/s per core (all cores)",
                _metric(every, "ingest_all_cores", "docs_per_s_per_core") if every else None, 300, "docs/s/core",
                f"{every.size:,} docs, {_metric(every, 'ingest_all_cores', 'workers')} workers" if every else "")
    big = next((s for s in results.sizes if s.size >= 100_000), None)
    total = _all_stores_seconds(big) if big else None
    if total is not None:
        g.check_max("10^5 docs into all stores < 5 min", total, 300, "s", "10^5 docs")
    else:
        largest = max(results.sizes, key=lambda s: s.size, default=None)
        est = _all_stores_seconds(largest) if largest else None
        note = (f"not run at 10^5; {_fmt(est)} s at {largest.size:,} docs → ~{_fmt(est * 100_000 / largest.size)} s "
                "linear estimate") if est and largest else "not run at 10^5"
        g.add("10^5 docs into all stores < 5 min", note, "not measured")
    for query, limit in (("chain_up", 5.0), ("task_agencies", 5.0), ("cascade", 100.0), ("coverage", 100.0)):
        for engine in EMBEDDED:
            done = [s for s in results.sizes if query in s.latency.get(engine, {})]
            if not done:
                g.add(f"{query} p50 < {limit:g} ms at 10^5 ({engine})", "—", "not measured")
                continue
            size = max(done, key=lambda s: s.size)
            p50 = size.latency[engine][query].p50_ms
            label = f"{query} p50 < {limit:g} ms at 10^5 ({engine})"
            g.check_max(label, p50, limit, "ms", f"{size.size:,} docs")
            if size.size < 100_000:
                g.rows[-1][2] += " (at a smaller size than the goal's)"
    ratios = _oxigraph_ratios(results)
    if ratios:
        size, values = ratios
        worst = min(values.values())
        g.check_min("Oxigraph ≥ 10× rdflib (p50, worst of 7 queries)", worst, 10, "×", f"{size:,} docs")
        g.rows[-1][1] += "; " + ", ".join(f"{q} {v:.0f}×" for q, v in values.items())
        if any(s.timeouts.get("rdflib") for s in results.sizes if s.size == size):
            g.rows[-1][1] += " (rdflib timeouts count at their deadline: lower bounds)"
    else:
        g.add("Oxigraph ≥ 10× rdflib", "—", "not measured")
    for stage, label in (("api_load", "hot look-ups, response cache on"),
                         ("api_load_uncached", "wide look-ups, response cache off")):
        api = g.largest_with(stage)
        if api:
            rps = _metric(api, stage, "rps")
            errors = _metric(api, stage, "errors")
            g.check_min(f"API ≥ 1,000 req/s, 50 clients ({label})", rps, 1000, "req/s",
                        f"{api.size:,} docs, {_metric(api, stage, 'paths')} distinct paths, {errors} errors")
            if errors:
                verdict = g.rows[-1][2]
                g.rows[-1][2] = f"{verdict}, {errors} errors" if verdict.startswith("missed") else f"missed: {errors} errors"
        else:
            g.add(f"API ≥ 1,000 req/s, 50 clients, 0 errors ({label})", "—", "not measured")
    return _table(["goal", "measured", "verdict"], g.rows)


def _saved_beside(size: SizeResult) -> float | None:
    """Seconds graph.json took when it was written beside the projected store loads (else None)."""
    return _metric(size, "save_graph", "written_beside_loads_s")


def _all_stores_seconds(size: SizeResult | None) -> float | None:
    """End-to-end seconds into every store: extract (all cores) + resolve + the projected store loads + save.

    graph.json is written beside the store loads (inside ``build_projected``'s wall) and only
    renamed by ``save_graph``, the way ``GraphService.rebuild`` does it.

    Those stages run one after the other on one workspace, in the order ``GraphService.rebuild``
    runs them, so their sum is one ingest of the corpus; the projected stores count once, by the
    wall of their concurrent load (``build_projected``) when it ran. Stores built only for
    comparison (networkx, rdflib) are not part of it.
    """
    if size is None:
        return None
    parts = [_metric(size, stage, "seconds") for stage in ("ingest_all_cores", "resolve", "save_graph")]
    together = _metric(size, "build_projected", "seconds")  # loaded concurrently: the step's wall
    builds = [together] if together is not None else [
        st.metrics["seconds"] for name, st in size.stages.items()
        if name.startswith("build:") and st.status == "ok" and st.metrics.get("projected")]
    if any(p is None for p in parts) or not builds:
        return None
    return float(sum(parts) + sum(builds))  # type: ignore[arg-type]


def _oxigraph_ratios(results: BenchResults) -> tuple[int, dict[str, float]] | None:
    both = [s for s in results.sizes if s.latency.get("oxigraph") and (s.latency.get("rdflib") or s.timeouts.get("rdflib"))]
    if not both:
        return None
    size = max(both, key=lambda s: s.size)
    ox, rd = size.latency["oxigraph"], size.latency.get("rdflib", {})
    slow = size.timeouts.get("rdflib", {})
    ratios = {q: rd[q].p50_ms / max(ox[q].p50_ms, 1e-6) for q in QUERY_NAMES if q in ox and q in rd}
    # a timed-out rdflib query counts at its deadline: a lower bound of the true ratio
    ratios.update({q: slow[q] / max(ox[q].p50_ms, 1e-6) for q in QUERY_NAMES if q in ox and q in slow})
    return size.size, ratios


def render(results: BenchResults) -> str:
    cfg = results.config
    lines = ["# Benchmarks", "",
             f"Written by `dirgraph bench{' --quick' if cfg.quick else ''} --sizes {','.join(map(str, cfg.sizes))}` "
             f"in {results.seconds:,.0f} s. Synthetic corpora from `dirgraph generate` (seed {cfg.seed}); "
             f"query latency over {cfg.repeat} runs after one warm-up.", "", "## Machine", ""]
    lines += [f"- **{k}**: {v}" for k, v in results.machine.items()] + [""]
    lines += ["## Goals", "", *goals(results)]
    lines += ["## Corpus generation", ""]
    lines += _table(["docs", "seconds", "docs/s", "MB", "cascades", "formats"],
                    [[s.size, *[_metric(s, "generate", k) or "—" for k in ("seconds", "docs_per_s", "mb", "cascades", "formats")]]
                     for s in results.sizes])
    lines += ["## Ingest", "", "`dirgraph.ingest.pipeline.extract_file` on every file (one process on a sample; "
              "all cores through a process pool; the one-process sample is drawn at random, seeded). Worker "
              "peak: the largest private resident memory of one pool worker (pages it shares with the parent "
              "since the fork not counted).", ""]
    rows = []
    for s in results.sizes:
        for stage in ("ingest_one_core", "ingest_all_cores"):
            st = _stage(s, stage)
            if st and st.status == "ok":
                m = st.metrics
                rows.append([s.size, stage.replace("_", " "), m.get("docs"), m.get("workers", 1), m.get("seconds"),
                             m.get("docs_per_s"), m.get("mb_per_s"), m.get("worker_peak_mb", "—"), m.get("failed")])
            else:
                rows.append([s.size, stage.replace("_", " "), "—", "—", "—", "—", "—", "—", _status_cell(s, stage)])
    lines += _table(["corpus", "stage", "docs", "workers", "seconds", "docs/s", "MB/s", "worker peak MB", "failed"],
                    rows)
    lines += _fidelity(results)
    lines += ["## Graph and store build", "", "Peak memory is the growth of this process's resident memory during the stage (pool workers are reported separately in Ingest).", ""]
    rows = []
    for s in results.sizes:
        res = _stage(s, "resolve")
        if res and res.status == "ok":
            rows.append([s.size, "resolve → graph", res.metrics["seconds"], "—", res.metrics["peak_mb"],
                         f"{res.metrics['nodes']:,} nodes, {res.metrics['edges']:,} edges"])
        for name, st in s.stages.items():
            if name.startswith("build:"):
                if st.status == "ok":
                    note = "loaded concurrently with the other projected stores" if st.metrics.get("concurrent") else ""
                    rows.append([s.size, name[6:], st.metrics["seconds"], st.metrics["disk_mb"],
                                 st.metrics["peak_mb"] if st.metrics.get("peak_mb") is not None else "—", note])
                else:
                    rows.append([s.size, name[6:], "—", "—", "—", f"{st.status}: {st.reason}"])
        together = _stage(s, "build_projected")
        if together and together.status == "ok":
            jobs = " + ".join([*together.metrics["stores"], *(["graph.json"] if _saved_beside(s) else [])])
            rows.append([s.size, "projected stores, one thread each (" + jobs + ")",
                         together.metrics["seconds"], "—", together.metrics["peak_mb"], "wall of the step an ingest runs"])
        elif together:
            rows.append([s.size, "projected stores", "—", "—", "—", f"{together.status}: {together.reason}"])
        saved = _stage(s, "save_graph")
        if saved and saved.status == "ok":
            beside = _saved_beside(s)
            note = (f"written in {beside:,} s beside the store loads, then renamed into place; workspace size on disk"
                    if beside is not None else "workspace size on disk")
            rows.append([s.size, "save graph.json", saved.metrics["seconds"], saved.metrics["disk_mb"],
                         saved.metrics["peak_mb"] if saved.metrics.get("peak_mb") is not None else "—", note])
        total = _all_stores_seconds(s)
        if total is not None:
            docs = _metric(s, "ingest_all_cores", "docs") or s.size
            rows.append([s.size, "**end to end** (extract + resolve + projected stores + save)", round(total, 1), "—", "—",
                         f"{docs / total:.1f} docs/s"])
    lines += _table(["corpus", "store", "build s", "disk MB", "peak MB", "notes"], rows)
    lines += ["## Query latency", "", ("p50 / p95 in milliseconds, rows returned in brackets; a query whose warm-up alone passes the "
              "30 s budget is timed by that one run."), ""]
    for s in results.sizes:
        engines = list(dict.fromkeys([*s.latency, *s.timeouts]))
        if not engines:
            continue
        lines += [f"### {s.size:,} documents", ""]
        rows = [[q, *[_latency_cell(s, e, q) for e in engines]] for q in QUERY_NAMES]
        lines += _table(["query", *engines], rows)
    lines += ["## API under load", "", "Hot: the look-ups the queries use, answered from the response cache after one "
              "untimed pass. Wide: distinct documents, agencies and tasks spread over the corpus, cache off "
              "(every request does the look-up). Load generator on the same two cores. Server peak: the "
              "serving process's own peak resident memory (its graph view and store handles).", ""]
    rows = []
    for s in results.sizes:
        for stage in ("api_load", "api_load_uncached"):
            st = _stage(s, stage)
            if st and st.status == "ok":
                m = st.metrics
                rows.append([s.size, m.get("workload", stage), m.get("paths", "—"), m["clients"], m["requests"], m["rps"],
                             m["errors"], m["p50_ms"], m["p99_ms"], m.get("server_peak_mb") or "—",
                             m.get("statuses", {})])
            else:
                rows.append([s.size, stage, "—", "—", "—", "—", "—", "—", "—", "—", _status_cell(s, stage)])
    lines += _table(["corpus", "workload", "paths", "clients", "requests", "req/s", "errors", "p50 ms", "p99 ms",
                     "server peak MB", "answers"], rows)
    lines += ["## Stages not run", ""]
    skipped = [f"- {s.size:,} docs, {name}: {st.status}: {st.reason}" for s in results.sizes
               for name, st in s.stages.items() if st.status != "ok"]
    skipped += [f"- {s.size:,} docs, {engine} {q}: {err}" for s in results.sizes
                for engine, errs in s.query_errors.items() for q, err in errs.items()]
    skipped += [f"- {s.size:,} docs, {engine} {q}: stopped at the {t / 1000:g} s deadline" for s in results.sizes
                for engine, slow in s.timeouts.items() for q, t in slow.items()]
    lines += [*(skipped or ["Every stage ran."]), ""]
    lines += ["## How to reproduce", "", "```", "make setup",
              f".venv/bin/dirgraph bench{' --quick' if cfg.quick else ''} --sizes {','.join(map(str, cfg.sizes))} "
              f"--repeat {cfg.repeat} --seed {cfg.seed} --out BENCHMARKS.md", "```", ""]
    return "\n".join(lines)


FIDELITY_COLUMNS = (("found", "documents found"), ("number", "number"), ("kind", "kind"), ("level", "level"),
                    ("locality", "locality"), ("implements_recall", "implements recall"),
                    ("implements_precision", "implements precision"), ("coverage", "coverage exact"))


def _fidelity(results: BenchResults) -> list[str]:
    """The resolved graph against what the generator wrote (bench/fidelity.py), with the first misses."""
    lines = ["## Extraction fidelity", "", "The resolved graph checked against the generator's manifest, document "
             "by document: share right (right / checked). Coverage: central documents whose set of provinces "
             "with a province-level plan implementing them is exactly the generator's.", ""]
    rows: list[list[Any]] = []
    misses: list[str] = []
    for s in results.sizes:
        checks = _metric(s, "fidelity", "checks")
        if not checks:
            rows.append([s.size, *["—"] * len(FIDELITY_COLUMNS)])
            continue
        cells = []
        for key, label in FIDELITY_COLUMNS:
            c = checks.get(key) or {}
            share = c.get("share")
            cells.append("—" if share is None else f"{share:.4f} ({c['right']:,} / {c['total']:,})")
            misses += [f"- {s.size:,} docs, {label}: {m}" for m in c.get("misses", [])[:2]]
        rows.append([s.size, *cells])
    lines += _table(["corpus", *[label for _, label in FIDELITY_COLUMNS]], rows)
    if misses:
        lines += ["First misses:", "", *misses, ""]
    return lines


def _latency_cell(size: SizeResult, engine: str, query: str) -> str:
    lat = size.latency.get(engine, {}).get(query)
    if lat is None and query in size.timeouts.get(engine, {}):
        return f"> {_fmt(size.timeouts[engine][query])} (timeout)"
    if lat is None:
        err = size.query_errors.get(engine, {}).get(query)
        return "error" if err else "—"
    return f"{_fmt(lat.p50_ms)} / {_fmt(lat.p95_ms)} ({lat.rows:,})"


ANALYSIS = "## Analysis"


def _kept_analysis(path: Path) -> str:
    """The hand-written "## Analysis" section of an existing report (why a goal was missed), if any."""
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8")
    start = text.find(ANALYSIS + "\n")
    if start < 0:
        return ""
    end = text.find("\n## ", start + len(ANALYSIS))
    return text[start: end + 1 if end >= 0 else len(text)].rstrip() + "\n\n"


def write_report(results: BenchResults, path: Path) -> None:
    """Write the report; a hand-written "## Analysis" section already in ``path`` is kept after the goals."""
    analysis = _kept_analysis(path)
    text = render(results)
    if analysis:
        marker = "## Corpus generation"
        text = text.replace(marker, analysis + marker, 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
