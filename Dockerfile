# dirgraph API image: ingests the bundled demo corpus at build time and serves it with uvicorn.
# Secrets (DIRGRAPH_API_TOKEN, NEO4J_PASSWORD) come from the environment at run time, never the image.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DIRGRAPH_HOME=/data/.dirgraph

# OCR of scanned PDFs (optional at run time, small enough to ship).
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      tesseract-ocr tesseract-ocr-vie poppler-utils \
 && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 10001 dirgraph
WORKDIR /app

COPY pyproject.toml README.md ./
COPY core ./core
COPY ingest ./ingest
COPY graph ./graph
COPY api ./api
COPY viz ./viz
COPY cli ./cli
RUN pip install --quiet .

COPY demo ./demo
RUN mkdir -p /data && chown dirgraph /data
USER dirgraph
RUN dirgraph ingest demo --home "$DIRGRAPH_HOME"

EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=5 \
  CMD python -c "import urllib.request,sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4).status == 200 else 1)"
# --backend comes from DIRGRAPH_BACKEND (ladybug by default, neo4j in docker-compose.yml).
CMD ["sh", "-c", "exec dirgraph serve --home \"$DIRGRAPH_HOME\" --host 0.0.0.0 --port 8000 --backend \"${DIRGRAPH_BACKEND:-ladybug}\""]
