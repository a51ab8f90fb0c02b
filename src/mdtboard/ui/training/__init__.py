"""Training mode in the program: the training window (roles and readiness, the facilitator's scoring,
the debrief, progress charts, the programme) and making a teaching case from a real one.

The main window gets a Training menu from :func:`mdtboard.ui.training.menu.install_training_menu`; nothing
else here is imported until that menu is used.
"""
