"""Accountability and recovery in the window: backups, a case's history, warnings about the database."""
