"""A real uvicorn server on 127.0.0.1 over a temp workspace with the demo corpus (and hostile documents)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from dirgraph.api.main import create_app
from dirgraph.api.settings import Settings
from dirgraph.graph.service import GraphService

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo"

XSS_TITLE = '"><img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
XSS_DOCUMENT = f"""ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG
BAN THƯỜNG VỤ THÀNH ỦY
Số 999-KH/TU
Hải Phòng, ngày 02 tháng 01 năm 2025

KẾ HOẠCH
thực hiện Kết luận về chuyển đổi số {XSS_TITLE}

Thực hiện Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị, Ban Thường vụ Thành ủy ban hành Kế hoạch thực hiện như sau:

I. NHIỆM VỤ
1. Đẩy mạnh chuyển đổi số <script>window.__xss=3</script> trong các cơ quan.

II. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo Thành ủy "><img src=x onerror="window.__xss=4">: Chủ trì, phối hợp với Sở <b onmouseover="window.__xss=5">Nội vụ</b> tổ chức thực hiện; định kỳ báo cáo Ban Thường vụ Thành ủy.
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_server(home: Path, extra_dir: Path) -> Iterator[str]:
    extra_dir.mkdir(parents=True, exist_ok=True)
    (extra_dir / "xss-plan.txt").write_text(XSS_DOCUMENT, encoding="utf-8")
    service = GraphService.open(home)
    corpus = sorted(p for p in DEMO.iterdir() if p.suffix in {".txt", ".md", ".docx", ".pdf"} and p.stem != "README")
    service.ingest_paths([*corpus, extra_dir / "xss-plan.txt"], workers=1)
    port = free_port()
    app = create_app(Settings(home=home, port=port), service=service)  # type: ignore[call-arg]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        service.close()
