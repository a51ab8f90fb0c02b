"""mdtboard.storage."""
