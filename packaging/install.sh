#!/usr/bin/env sh
# Install (or with --uninstall remove) Slant from this release folder, for one user.
#
#   ./install.sh                 into ~/.local (PREFIX=/some/where ./install.sh elsewhere)
#   ./install.sh --uninstall
#
# Puts the app in PREFIX/opt/slant, the 'slant' command in PREFIX/bin, the menu entry in
# PREFIX/share/applications, the icon in PREFIX/share/icons and the .slant file type in
# PREFIX/share/mime. Needs no administrator rights.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
APP="$PREFIX/opt/slant"
BIN="$PREFIX/bin/slant"
DESKTOP="$PREFIX/share/applications/slant.desktop"
ICON="$PREFIX/share/icons/hicolor/scalable/apps/slant.svg"
MIME="$PREFIX/share/mime/packages/slant-mime.xml"

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$PREFIX/share/applications" >/dev/null 2>&1 || true
  command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$PREFIX/share/mime" >/dev/null 2>&1 || true
  command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$PREFIX/share/icons/hicolor" >/dev/null 2>&1 || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$APP"
  rm -f "$BIN" "$DESKTOP" "$ICON" "$MIME"
  refresh
  echo "Slant removed from $PREFIX."
  exit 0
fi

if [ ! -x "$HERE/app/slant" ]; then
  echo "install.sh: run me from the unpacked Slant folder (app/slant is missing)." >&2
  exit 1
fi
mkdir -p "$PREFIX/opt" "$PREFIX/bin" "$(dirname "$DESKTOP")" "$(dirname "$ICON")" "$(dirname "$MIME")"
rm -rf "$APP"
cp -R "$HERE/app" "$APP"
ln -sf "$APP/slant" "$BIN"
# The menu entry runs the installed copy by its full path (PREFIX/bin may not be on PATH).
sed "s|^Exec=slant |Exec=\"$APP/slant\" |" "$HERE/slant.desktop" > "$DESKTOP"
cp "$HERE/slant.svg" "$ICON"
cp "$HERE/slant-mime.xml" "$MIME"
refresh
echo "Slant installed: $BIN (menu entry: $DESKTOP)."
case ":$PATH:" in
  *":$PREFIX/bin:"*) ;;
  *) echo "Add $PREFIX/bin to your PATH to run 'slant' from a terminal." ;;
esac
