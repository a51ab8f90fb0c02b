"""The conference half of the meeting-room workflow: conference list and editor, attendance, agenda and
live discipline input, gathered in :class:`~mdtboard.ui.conference.workspace.ConferenceWorkspace`."""
