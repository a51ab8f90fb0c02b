"""mdtboard.reports."""
