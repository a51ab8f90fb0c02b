"""People in the window: signing in, the first start, acting with one's own password or PIN on the
meeting-room PC (signatures, withdrawing them), switching user, and the idle lock."""
