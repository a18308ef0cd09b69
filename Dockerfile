# sinmun's image: the library, its console script and Kiwi's model (shipped as a Python package).
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PREFECT_SERVER_ANALYTICS_ENABLED=false \
    SINMUN_SQL_DIR=/app/sql
WORKDIR /app
COPY pyproject.toml README.md ./
COPY src ./src
COPY flows ./flows
COPY sql ./sql
RUN pip install .
ENTRYPOINT ["sinmun"]
