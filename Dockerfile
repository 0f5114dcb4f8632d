# Beacon's image: every process (adapter, workers, migrations) runs from it with a different command.
# Two stages: the first has a C compiler and builds Beacon's wheel (setup.py compiles the analysis hot
# path with Cython); the image itself holds only the wheel's installation, no compiler.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends gcc libc6-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pyproject.toml setup.py README.md ./
COPY beacon ./beacon
COPY bots ./bots
COPY community ./community
COPY moderation ./moderation
COPY announcements ./announcements
RUN pip wheel --no-deps --wheel-dir /wheels .

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY --from=build /wheels /wheels
RUN pip install /wheels/*.whl && rm -rf /wheels

RUN useradd --system --uid 10001 --home-dir /app beacon
USER beacon

ENV BEACON_CONFIG=/etc/beacon/beacon.toml
# /metrics and /healthz (metrics.port in the config).
EXPOSE 9100
CMD ["beacon", "run"]
