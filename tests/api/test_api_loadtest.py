"""The load generator's own HTTP/1.1 client: lengths, chunked bodies, closed connections, failures."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest

from dirgraph.api.loadtest import run_load

_BODY = '{"tỉnh": "Hải Phòng"}'.encode()
ANSWERS = {
    b"/sized": b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: %d\r\n\r\n%s" % (len(_BODY), _BODY),
    b"/chunked": b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n4\r\n[1,2\r\n2\r\n,3\r\n1\r\n]\r\n0\r\n\r\n",
    b"/missing": b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n",
    b"/closing": b"HTTP/1.1 200 OK\r\nconnection: close\r\n\r\nbody until the end",
    b"/broken": b"HTTP/1.1 500 Internal Server Error\r\ncontent-length: 2\r\n\r\n{}",
}


async def _serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            path = head.split(b" ")[1].split(b"?")[0]
            writer.write(ANSWERS.get(path, ANSWERS[b"/missing"]))
            await writer.drain()
            if path == b"/closing":
                break
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    writer.close()


@pytest.fixture(scope="module")
def tiny_server() -> Iterator[str]:
    """A scripted HTTP server on a loopback port, in its own thread and event loop."""
    loop = asyncio.new_event_loop()
    started = threading.Event()
    holder: dict[str, asyncio.Server] = {}

    async def start() -> None:
        holder["server"] = await asyncio.start_server(_serve, "127.0.0.1", 0)
        started.set()

    thread = threading.Thread(target=lambda: (loop.run_until_complete(start()), loop.run_forever()), daemon=True)
    thread.start()
    assert started.wait(10)
    port = holder["server"].sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"

    async def stop() -> None:
        holder["server"].close()
        await holder["server"].wait_closed()

    asyncio.run_coroutine_threadsafe(stop(), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)
    loop.close()


def test_reads_every_kind_of_body_and_counts_statuses(tiny_server: str) -> None:
    paths = ["/sized", "/chunked", "/missing", "/closing", "/search?q=chuyển đổi số"]
    result = run_load(tiny_server, paths, clients=3, seconds=0.3)
    assert result.errors == 0 and result.requests > len(paths)
    assert set(result.statuses) == {"200", "404"}


def test_server_errors_count_as_errors(tiny_server: str) -> None:
    result = run_load(tiny_server, ["/broken"], clients=2, seconds=0.2, warmup_timeout_s=None)
    assert result.errors == result.requests > 0 and set(result.statuses) == {"500"}


def test_refused_connections_count_as_errors() -> None:
    from dirgraph.api.server_process import free_port

    result = run_load(f"http://127.0.0.1:{free_port()}", ["/health"], clients=1, seconds=0.2, max_requests=5)
    assert result.requests == result.errors == 5
    assert set(result.statuses) == {"ConnectionRefusedError"}
