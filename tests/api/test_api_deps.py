"""Readers share the service on the event loop; an upload (the writer) holds them back until it ends."""

from __future__ import annotations

import threading

from fastapi.testclient import TestClient

from dirgraph.api.deps import ReadWriteLock


def test_read_share_is_free_unless_a_writer_holds_or_awaits_it() -> None:
    lock = ReadWriteLock()
    assert lock.try_read()
    lock.release_read()
    with lock.writing():
        assert not lock.try_read()
    writer_in = threading.Event()
    assert lock.try_read()  # a reader inside: the writer below has to queue
    writer = threading.Thread(target=lambda: (lock.writing().__enter__(), writer_in.set()))
    writer.start()
    while not lock._writers_waiting:  # wait until the writer queued
        writer_in.wait(0.01)
    assert not lock.try_read()  # a queued writer holds back new readers (no starvation)
    lock.release_read()
    writer.join(10)
    assert writer_in.is_set()


def test_a_lookup_waits_for_the_upload_then_answers(client: TestClient) -> None:
    holder = client.app.state.services  # type: ignore[attr-defined]
    events: list[object] = []
    with holder.lock.writing():
        reader = threading.Thread(target=lambda: events.append(client.get("/documents").status_code))
        reader.start()
        reader.join(0.3)
        events.append("upload done")
    reader.join(30)
    assert events == ["upload done", 200]
    assert holder.lock.try_read()  # the waiting reader gave its share back
    holder.lock.release_read()
