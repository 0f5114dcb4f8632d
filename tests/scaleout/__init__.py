"""Scale-out tests: several beacon processes over Redis Streams and PostgreSQL."""
