"""Presentation mode: the case under discussion on the big screen, the conference timers in the operator's
view, and the meeting record. :func:`~mdtboard.ui.presentation.integration.install_presentation` adds it
to the main window."""
