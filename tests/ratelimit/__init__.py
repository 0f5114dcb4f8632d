"""Rate limiter tests: in-process and Redis, tasks and processes sharing buckets."""
