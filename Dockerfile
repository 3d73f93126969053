# ookbalans as one container: the same `ookbalans serve` as on a plain machine (docs/operations.md).
FROM python:3.11-slim-bookworm

# Pango for WeasyPrint's PDFs; a font for the reports.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 ookbalans
WORKDIR /app
COPY requirements.lock pyproject.toml README.md ./
COPY src ./src
RUN pip install --no-cache-dir --require-hashes -r requirements.lock \
    && pip install --no-cache-dir --no-deps .

ENV OOKBALANS_VAR_DIR=/var/lib/ookbalans \
    OOKBALANS_BIND=0.0.0.0:8000 \
    OOKBALANS_PROXY_SSL_HEADER=HTTP_X_FORWARDED_PROTO \
    OOKBALANS_SECURE_COOKIES=1 \
    PYTHONUNBUFFERED=1
RUN mkdir -p /var/lib/ookbalans && chown ookbalans /var/lib/ookbalans
USER ookbalans
EXPOSE 8000
# The import worker is this image with the command `ookbalans db_worker` (compose.yaml, service worker).
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/gezond/', timeout=4)"
CMD ["sh", "-c", "ookbalans migrate --no-input && ookbalans serve"]
