"""Start the API in a real uvicorn subprocess on 127.0.0.1 (tests, load runs, benches).

Bounded start (waits for ``/health`` up to a deadline) and always terminated on exit, so a
failing test never leaves a server behind.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import httpx


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that was free a moment ago on ``host``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(
    home: Path,
    *,
    env: Mapping[str, str] | None = None,
    start_timeout_s: float = 30.0,
    log_path: Path | None = None,
    workers: int = 1,
) -> Iterator[str]:
    """Run ``dirgraph serve`` (uvicorn) on a free loopback port; yield its base URL.

    Settings other than home and port reach the child through ``DIRGRAPH_*`` variables (``env``
    adds or overrides them), e.g. ``DIRGRAPH_QUERY_TIMEOUT_S`` or ``DIRGRAPH_API_TOKEN``.
    """
    port = free_port()
    child_env = {**os.environ, **(env or {})}
    cmd = [sys.executable, "-m", "dirgraph.cli.main", "serve", "--home", str(home),
           "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning",
           "--workers", str(workers)]
    log = log_path.open("wb") if log_path else subprocess.DEVNULL
    proc = subprocess.Popen(cmd, env=child_env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + start_timeout_s
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"uvicorn exited with code {proc.returncode} before answering /health")
            try:
                if httpx.get(f"{base}/health", timeout=1.0).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"uvicorn did not answer /health within {start_timeout_s:g} s")
            time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        if log_path and log is not subprocess.DEVNULL:
            log.close()  # type: ignore[union-attr]
