"""The graph commands end to end on a temporary workspace: output formats and one-line errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dirgraph.cli.main import app

GOLD = Path(__file__).resolve().parents[1] / "graph" / "data" / "gold"
runner = CliRunner()


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("cli-home")
    docs = tmp_path_factory.mktemp("docs")
    for path in sorted(GOLD.glob("*.json"))[:3]:
        shutil.copy(path, docs / path.name)
    result = runner.invoke(app, ["ingest", str(docs), "--home", str(home), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "files read: 3" in result.output
    return home


def test_stats_json(home: Path) -> None:
    result = runner.invoke(app, ["stats", "--home", str(home), "--format", "json"])
    assert result.exit_code == 0
    stats = json.loads(result.stdout)
    assert stats["records"] == 3 and stats["nodes"]["Document"] > 3


def test_chain_and_cascade_by_number(home: Path) -> None:
    chain = runner.invoke(app, ["chain", "91-KL/TW", "--home", str(home), "-f", "json"])
    assert chain.exit_code == 0
    assert json.loads(chain.stdout)[0]["target"] == "doc-29-nq-tw-2013"
    cascade = runner.invoke(app, ["cascade", "91-KL/TW", "--home", str(home), "-f", "csv"])
    assert cascade.exit_code == 0
    lines = cascade.stdout.splitlines()
    assert lines[0].startswith("depth,level,locality_name") and len(lines) >= 4


def test_coverage_table(home: Path) -> None:
    result = runner.invoke(app, ["coverage", "91-KL/TW", "--level", "province", "--home", str(home),
                                 "-f", "csv"])
    assert result.exit_code == 0
    covered = [line for line in result.stdout.splitlines() if ",yes," in line]
    assert {line.split(",")[0] for line in covered} >= {"Cần Thơ", "Hải Phòng", "Nghệ An"}


def test_agencies_of_a_task(home: Path) -> None:
    cypher = runner.invoke(app, ["query", "cypher", "MATCH (:Agency)-[:LEADS]->(t:Task) RETURN t.id LIMIT 1",
                                 "--home", str(home), "-f", "json"])
    assert cypher.exit_code == 0, cypher.output
    task_id = json.loads(cypher.stdout)[0]["t.id"]
    result = runner.invoke(app, ["agencies", "--task", task_id, "--home", str(home), "-f", "json"])
    assert result.exit_code == 0
    assert "leads" in {row["role"] for row in json.loads(result.stdout)}


def test_export_graphml_and_csv(home: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "graphml", "--out", str(tmp_path / "g.graphml"),
                                 "--home", str(home)])
    assert result.exit_code == 0 and (tmp_path / "g.graphml").read_text("utf-8").startswith("<?xml")
    result = runner.invoke(app, ["export", "--format", "csv", "--out", str(tmp_path / "csv"), "--home", str(home)])
    assert result.exit_code == 0
    header = (tmp_path / "csv" / "nodes_Document.csv").read_text("utf-8").splitlines()[0]
    assert header.startswith("id:ID,") and header.endswith(",:LABEL")
    assert (tmp_path / "csv" / "rels_IMPLEMENTS.csv").read_text("utf-8").startswith(":START_ID,:END_ID,:TYPE")


def test_query_sparql_delegates_to_the_sparql_store(home: Path) -> None:
    result = runner.invoke(app, ["query", "sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
                                 "--home", str(home), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert int(json.loads(result.stdout)[0]["n"]) > 100
    refused = runner.invoke(app, ["query", "sparql", "INSERT DATA { <urn:a> <urn:b> <urn:c> }", "--home", str(home)])
    assert refused.exit_code == 1 and refused.stderr.startswith("error: ")


def test_export_turtle_delegates_to_the_rdf_projection(home: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.ttl"
    result = runner.invoke(app, ["export", "--format", "ttl", "--out", str(out), "--home", str(home)])
    assert result.exit_code == 0, result.output
    text = out.read_text("utf-8")
    assert "@prefix" in text and "91-KL/TW" in text


@pytest.mark.parametrize("args", [
    ["query", "cypher", "CREATE (d:Document {id: 'x'})"],
    ["chain", "999-XX/TW"],
    ["coverage", "91-KL/TW", "--level", "district"],
    ["agencies", "--task", "task-none"],
    ["export", "--format", "docx", "--out", "x.docx"],
    ["query", "cypher", "MATCH (n RETURN n"],
])
def test_errors_are_one_line(home: Path, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--home", str(home)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: ")


def test_rebuild_keeps_the_graph(home: Path) -> None:
    before = runner.invoke(app, ["stats", "--home", str(home), "-f", "json"]).stdout
    result = runner.invoke(app, ["rebuild", "--home", str(home)])
    assert result.exit_code == 0
    assert runner.invoke(app, ["stats", "--home", str(home), "-f", "json"]).stdout == before
