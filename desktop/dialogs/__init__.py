"""Dialogs of the desktop app (each modal one is monkeypatched in tests)."""
