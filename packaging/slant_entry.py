"""Entry script of the frozen app (PyInstaller): the same dispatch as the ``slant`` command."""

from __future__ import annotations

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # scikit-learn/joblib may spawn workers in frozen builds
    from desktop.launcher import main

    sys.exit(main())
