"""``python -m desktop``: the same as the ``slant`` command."""

from __future__ import annotations

from desktop.launcher import main

raise SystemExit(main())
