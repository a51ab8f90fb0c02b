"""mdtboard.domain."""
