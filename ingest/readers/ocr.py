"""Optional OCR for scanned PDFs with Debian's tesseract (vie) and poppler's pdftoppm."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from dirgraph.core.errors import IngestError

INSTALL_HINT = "OCR needs tesseract and pdftoppm: apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils"


def ocr_pdf(path: Path, data: bytes, timeout_s: float = 600.0) -> str:
    """Render each page at 300 dpi and read it with tesseract's Vietnamese model."""
    tesseract, pdftoppm = shutil.which("tesseract"), shutil.which("pdftoppm")
    if not tesseract or not pdftoppm:
        raise IngestError(str(path), INSTALL_HINT)
    try:
        langs = subprocess.run([tesseract, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        raise IngestError(str(path), f"tesseract failed: {type(exc).__name__}") from exc
    if "vie" not in langs.split():
        raise IngestError(str(path), "tesseract has no Vietnamese model: apt-get install tesseract-ocr-vie")
    with tempfile.TemporaryDirectory(prefix="dirgraph-ocr-") as tmp:
        pdf = Path(tmp) / "in.pdf"
        pdf.write_bytes(data)
        try:
            subprocess.run([pdftoppm, "-r", "300", "-png", str(pdf), str(Path(tmp) / "page")],
                           check=True, capture_output=True, timeout=timeout_s)
            texts = []
            for image in sorted(Path(tmp).glob("page*.png")):
                out = subprocess.run([tesseract, str(image), "stdout", "-l", "vie"], check=True,
                                     capture_output=True, text=True, timeout=timeout_s)
                texts.append(out.stdout)
        except (OSError, subprocess.SubprocessError) as exc:
            raise IngestError(str(path), f"OCR failed: {type(exc).__name__}") from exc
    return "\n\f\n".join(texts)
