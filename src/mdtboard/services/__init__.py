"""mdtboard.services."""
