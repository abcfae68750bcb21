"""The ``dirgraph`` command line: one Typer app, each command group in its own module."""

from __future__ import annotations

import typer

app = typer.Typer(
    name="dirgraph",
    help="Knowledge graph of Vietnamese directive documents.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


def _register() -> None:
    """Import command modules; each calls ``register(app)``. Kept in one place so the CLI is easy to read."""
    # Each helper module adds one import + register line here.
    from dirgraph.cli import commands_bench

    commands_bench.register(app)
    from dirgraph.cli import commands_serve

    commands_serve.register(app)
    from dirgraph.cli import commands_extract

    commands_extract.register(app)
    from dirgraph.cli import commands_viz

    commands_viz.register(app)
    from dirgraph.cli import commands_graph

    commands_graph.register(app)
    from dirgraph.cli import commands_neo4j

    commands_neo4j.register(app)
    return None


_register()

if __name__ == "__main__":  # pragma: no cover
    app()
