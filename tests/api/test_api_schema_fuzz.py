"""schemathesis over the OpenAPI schema: no generated request gets a 5xx or an undocumented answer."""

from __future__ import annotations

from pathlib import Path

import schemathesis
from api_fakes import FakeService
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.specs.openapi.checks import positive_data_acceptance

from dirgraph.api.main import create_app
from dirgraph.api.settings import Settings

APP = create_app(
    Settings(home=Path("/nonexistent/dirgraph-schema-fuzz"), api_token="fuzz-token", query_timeout_s=2.0),  # type: ignore[arg-type]
    service=FakeService(),
)
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)

# Direct SPARQL bodies: real queries (answered) mixed with arbitrary text (400 problems).
schemathesis.openapi.media_type(
    "application/sparql-query",
    st.one_of(
        st.sampled_from([
            b"SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 3",
            b"ASK { ?s ?p ?o }",
            b"CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
            b"DESCRIBE <https://dirgraph.org/doc/doc-57-nq-tw-2024>",
        ]),
        st.text(max_size=200).map(lambda text: text.encode("utf-8")),
    ),
)

# A query language cannot be described by JSON Schema: a schema-valid string that is not valid
# Cypher/SPARQL is rightly a 400, so "valid data must be accepted" does not apply to these two.
QUERY_ENDPOINTS = {"/query/cypher", "/sparql"}


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case: schemathesis.Case) -> None:
    excluded = [positive_data_acceptance] if case.path in QUERY_ENDPOINTS else []
    case.call_and_validate(excluded_checks=excluded)
