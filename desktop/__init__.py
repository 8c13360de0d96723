"""Slant's desktop app (PySide6). Thin: it calls :mod:`analysis` and shows the results.

This package's ``__init__`` imports no Qt so that the command line stays fast.
"""
