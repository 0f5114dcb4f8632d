# Beacon's image: every process (adapter, workers, migrations) runs from it with a different command.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY pyproject.toml README.md ./
COPY beacon ./beacon
COPY bots ./bots
COPY community ./community
COPY moderation ./moderation
COPY announcements ./announcements
RUN pip install .

RUN useradd --system --uid 10001 --home-dir /app beacon
USER beacon

ENV BEACON_CONFIG=/etc/beacon/beacon.toml
# /metrics and /healthz (metrics.port in the config).
EXPOSE 9100
CMD ["beacon", "run"]
