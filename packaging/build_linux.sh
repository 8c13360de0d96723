#!/usr/bin/env bash
# Build Slant's Linux release archive: the PyInstaller one-folder app, an install script
# that adds the menu entry and icon, the desktop and MIME files, the icon and the licence.
#
#   packaging/build_linux.sh [OUTPUT_DIR]        (default: dist/)
#
# Needs PyInstaller (pip install -e ".[packaging]"); PYINSTALLER overrides the command.
# Prints the path of the archive it wrote: slant-VERSION-linux-ARCH.tar.gz.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$(mkdir -p "${1:-$ROOT/dist}" && cd "${1:-$ROOT/dist}" && pwd)
PYTHON=${PYTHON:-python3}
PYINSTALLER=${PYINSTALLER:-pyinstaller}
VERSION=$("$PYTHON" -c 'import sys, tomllib; print(tomllib.load(open(sys.argv[1], "rb"))["project"]["version"])' "$ROOT/pyproject.toml")
NAME="slant-$VERSION-linux-$(uname -m)"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

$PYINSTALLER --noconfirm --clean --log-level WARN \
  --distpath "$WORK/dist" --workpath "$WORK/build" "$ROOT/packaging/slant.spec" >&2

STAGE="$WORK/$NAME"
mkdir -p "$STAGE"
mv "$WORK/dist/slant" "$STAGE/app"
cp "$ROOT/packaging/install.sh" "$STAGE/install.sh"
chmod 755 "$STAGE/install.sh"
cp "$ROOT/packaging/slant.desktop" "$ROOT/packaging/slant-mime.xml" \
   "$ROOT/resources/icons/slant.svg" "$ROOT/LICENSE" "$STAGE/"
cat > "$STAGE/README.txt" <<TXT
Slant $VERSION for Linux ($(uname -m))

  ./install.sh              installs for you (~/.local): the 'slant' command, a menu entry
                            and the icon; no administrator rights needed
  ./install.sh --uninstall  removes it again
  ./app/slant               runs Slant from this folder without installing

Slant is free software under the GNU GPL version 3 or later (see LICENSE).
TXT
tar -C "$WORK" -czf "$OUT/$NAME.tar.gz" "$NAME"
echo "$OUT/$NAME.tar.gz"
