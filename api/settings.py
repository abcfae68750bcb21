"""Server settings, read once from the environment (prefix ``DIRGRAPH_``) so the CLI, tests and
uvicorn workers all configure the API the same way."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything the HTTP layer needs to know; passed to :func:`dirgraph.api.main.create_app`."""

    model_config = SettingsConfigDict(env_prefix="DIRGRAPH_", extra="ignore")

    home: Path = Field(default=Path(".dirgraph"), description="Workspace folder holding the graph stores.")
    backend: Literal["ladybug", "neo4j"] = Field(default="ladybug", description="Cypher backend.")
    api_token: SecretStr | None = Field(
        default=None, description="Bearer token for uploads (DIRGRAPH_API_TOKEN); unset disables uploads."
    )
    query_timeout_s: float = Field(default=10.0, gt=0, le=600, description="Deadline of one Cypher/SPARQL query.")
    row_cap: int = Field(default=10_000, ge=1, le=1_000_000, description="Most rows one query returns.")
    max_upload_bytes: int = Field(default=50 * 1024 * 1024, ge=1, description="Largest accepted upload.")
    response_cache: bool = Field(
        default=True, description="Replay look-up answers from memory until the graph changes (DIRGRAPH_RESPONSE_CACHE)."
    )
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)

    @property
    def uploads_enabled(self) -> bool:
        """Uploads write to the graph, so they need a configured, non-empty token."""
        return self.api_token is not None and bool(self.api_token.get_secret_value())


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings (cached: the environment is read once)."""
    return Settings()
