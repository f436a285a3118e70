"""Alembic migrations of the emulator's schema (SQLite and PostgreSQL alike)."""
