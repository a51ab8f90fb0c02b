"""Editing records: the save clock, and (in time) the record session every editor uses."""
