"""mdtboard.ui."""
