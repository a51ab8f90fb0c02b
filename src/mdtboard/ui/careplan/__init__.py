"""The joint care plan in the Qt program.

- :mod:`.editor`: :class:`~.editor.CarePlanEditor`, the care plan of one case (build the draft from the
  team's input, edit it, sign it off, start a new version, print, save as PDF, export FHIR);
- :mod:`.signoff` and :mod:`.history`: the sign-off panel and the version history beside it;
- :mod:`.follow_ups`: open actions due before a conference, offered for its agenda;
- :mod:`.integration`: how the main window shows the editor (its page, the Care plan menu, Ctrl+Shift+P).
"""
