"""``dirgraph generate`` (synthetic corpus files) and ``dirgraph bench`` (writes BENCHMARKS.md)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer

from dirgraph.core.errors import DirgraphError


def generate(
    documents: Annotated[int, typer.Option("--documents", "-n", min=1, help="number of files to write")],
    out: Annotated[Path, typer.Option("--out", "-o", help="folder to write the corpus into")],
    seed: Annotated[int, typer.Option(help="random seed; the same seed gives the same bytes")] = 0,
    never_share: Annotated[float, typer.Option(min=0.0, max=1.0, help="share of provinces that never issue a plan")] = 0.15,
    skip_share: Annotated[float, typer.Option(min=0.0, max=1.0, help="chance a province or district skips a directive")] = 0.2,
    docx_share: Annotated[float, typer.Option(min=0.0, max=1.0, help="share of .docx files")] = 0.05,
    html_share: Annotated[float, typer.Option(min=0.0, max=1.0, help="share of portal pages (.html)")] = 0.1,
    md_share: Annotated[float, typer.Option(min=0.0, max=1.0, help="share of .md files (the rest is .txt)")] = 0.3,
    noisy_share: Annotated[float, typer.Option(min=0.0, max=1.0,
                                               help="share of text files with old-style tone marks (a third also NFD)")] = 0.2,
    database_share: Annotated[float, typer.Option(min=0.0, max=1.0,
                                                  help="share of .txt files copied from a legal database")] = 0.15,
    damaged_share: Annotated[float, typer.Option(min=0.0, max=1.0,
                                                 help="share of .txt files with marks lost here and there (OCR)")] = 0.1,
    manifest: Annotated[Path | None, typer.Option(help="also write the manifest (JSON lines) here")] = None,
) -> None:
    """Write a synthetic cascade of directive documents (central → province → department → district → commune)."""
    from dirgraph.bench.synthetic import Shares, generate_corpus, write_manifest

    started = time.perf_counter()
    try:
        corpus = generate_corpus(documents, out, seed=seed, never_share=never_share, skip_share=skip_share,
                                 shares=Shares(docx=docx_share, md=md_share, html=html_share, noisy=noisy_share,
                                               database=database_share, damaged=damaged_share))
    except (OSError, ValueError) as exc:
        typer.echo(f"error: {out}: {exc}", err=True)
        raise typer.Exit(2) from None
    elapsed = time.perf_counter() - started
    if manifest is not None:
        write_manifest(corpus, manifest)
    roots = len(corpus.missing)
    typer.echo(f"wrote {len(corpus.documents)} documents ({roots} central cascades) to {out} in {elapsed:.1f} s; "
               f"provinces that never implement: {', '.join(corpus.never) or 'none'}")


def bench(
    quick: Annotated[bool, typer.Option("--quick", help="10^3 documents, few query repetitions (smoke test)")] = False,
    sizes: Annotated[str | None, typer.Option(help="comma-separated corpus sizes, e.g. 1000,10000,100000")] = None,
    out: Annotated[Path, typer.Option("--out", help="the Markdown report to write")] = Path("BENCHMARKS.md"),
    workdir: Annotated[Path | None, typer.Option(help="scratch folder (default: a temporary folder)")] = None,
    repeat: Annotated[int | None, typer.Option(min=1, help="runs per query for the latency percentiles")] = None,
    seed: Annotated[int, typer.Option(help="corpus seed")] = 0,
) -> None:
    """Measure ingest, store builds, query latency and API throughput; write a Markdown report."""
    from dirgraph.bench.report import write_report
    from dirgraph.bench.runner import BenchConfig, run_bench

    if sizes:
        try:
            size_list = [int(part.replace("_", "")) for part in sizes.split(",") if part.strip()]
        except ValueError:
            typer.echo(f"error: --sizes: not a list of integers: {sizes!r}", err=True)
            raise typer.Exit(2) from None
    else:
        size_list = [1000] if quick else [1000, 10_000]
    config = BenchConfig(sizes=size_list, quick=quick, repeat=repeat or (5 if quick else 50), seed=seed,
                         workdir=workdir)
    try:
        results = run_bench(config, progress=lambda msg: typer.echo(msg, err=True),
                            on_size=lambda partial: write_report(partial, out))
    except DirgraphError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    write_report(results, out)
    typer.echo(f"wrote {out}")


def register(app: typer.Typer) -> None:
    app.command("generate")(generate)
    app.command("bench")(bench)
