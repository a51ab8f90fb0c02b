"""mdtboard.interchange."""
