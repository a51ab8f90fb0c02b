"""Qt item models over mdtboard's services; each passes pytest-qt's ``qtmodeltester``."""
