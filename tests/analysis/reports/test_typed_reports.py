"""The report builders read the typed result, never its JSON form walked as dicts.

Issue 11 asks for no ``Any`` in the reports code: a builder that reads ``dict[str, Any]``
can drift from the result's values without mypy noticing. The check reads the source, as
``grep -n Any analysis/reports/*.py`` does.
"""

from __future__ import annotations

import re
from pathlib import Path

import analysis.reports

_ROOT = Path(analysis.reports.__file__).parent
# Any in any spelling, and the untyped mappings a JSON walk needs instead of it.
_UNTYPED = re.compile(r"Any|(?:dict|Mapping)\[str, object\]")


def _lines(pattern: re.Pattern[str]) -> list[str]:
    found = []
    for path in sorted(_ROOT.glob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                found.append(f"{path.name}:{number}: {line.strip()}")
    return found


def test_the_reports_code_has_no_any() -> None:
    assert _ROOT.is_dir() and len(list(_ROOT.glob("*.py"))) > 10  # the check reads real files
    assert _lines(_UNTYPED) == []


def test_only_the_json_format_serialises_the_result() -> None:
    # The other formats read the typed sections; the JSON export is the one full dump.
    # (section by section: result_json_items, the items of result_to_json)
    serialise = re.compile(r"\bresult_(?:to_json|json_items)\b")
    users = [line for line in _lines(serialise) if "import" in line]
    assert [u.split(":")[0] for u in users] == ["__init__.py"]
