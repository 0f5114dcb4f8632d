"""Alembic migrations of Beacon's schema, run programmatically by ``beacon.storage.db.upgrade``."""
