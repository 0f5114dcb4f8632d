"""Redis-specific bus tests: process crashes, work sharing, Redis restarts, trimming."""
