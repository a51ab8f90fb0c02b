"""The case views: the library, the ISBAR editor and its form, and the case display helpers."""
