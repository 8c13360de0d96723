"""Data files shipped with Slant: lexicons, samples, report templates, icons.

A package (not code) so that :func:`importlib.resources.files` finds it the same way from a
checkout, an editable install and an installed wheel. Use
:func:`analysis.resources.resource_root` rather than paths relative to ``__file__``.
"""
