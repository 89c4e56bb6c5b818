#!/usr/bin/env bash
# Add Venue Planner to a Linux desktop for the current user: the menu entry, the icon, the .vplan file
# type (double-click a project to open it) and the AppStream description, all under ~/.local/share.
#
#   install-desktop.sh                  install (in the unpacked desktop bundle: uses the bundle's planner)
#   install-desktop.sh --exec PATH      the planner program to start (default: the bundle's, else `planner` on PATH)
#   install-desktop.sh --prefix DIR     install under DIR instead of ${XDG_DATA_HOME:-~/.local/share}
#   install-desktop.sh --uninstall      remove what an install added
#
# Works from a checkout (packaging/linux/) and from the desktop bundle (venue-planner/install-desktop.sh).
set -euo pipefail

APP_ID=org.venueplanner.VenuePlanner
MIME_TYPE=application/x-venue-planner-project
MIME_ICON=application-x-venue-planner-project
SIZES=(16 22 24 32 48 64 128 256 512)

here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
if [[ -d $here/_internal/desktop ]]; then            # the desktop bundle
  files=$here/_internal/desktop
  icons=$here/_internal/planner/assets/icons
  default_exec=$here/planner
else                                                 # a checkout
  files=$here
  icons=$(cd "$here/../.." && pwd)/assets/icons
  default_exec=$(command -v planner || true)
fi

prefix=${XDG_DATA_HOME:-$HOME/.local/share}
exec_path=$default_exec
action=install
while [[ $# -gt 0 ]]; do
  case $1 in
    --exec) exec_path=${2:?--exec needs a path}; shift 2 ;;
    --prefix) prefix=${2:?--prefix needs a folder}; shift 2 ;;
    --uninstall) action=uninstall; shift ;;
    -h|--help) sed -n '2,10s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) echo "install-desktop.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

targets=(
  "$prefix/applications/$APP_ID.desktop"
  "$prefix/metainfo/$APP_ID.metainfo.xml"
  "$prefix/mime/packages/$APP_ID.xml"
  "$prefix/icons/hicolor/scalable/apps/$APP_ID.svg"
  "$prefix/icons/hicolor/scalable/mimetypes/$MIME_ICON.svg"
)
for size in "${SIZES[@]}"; do
  targets+=("$prefix/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
            "$prefix/icons/hicolor/${size}x${size}/mimetypes/$MIME_ICON.png")
done

refresh() {  # the desktop's caches; each tool is optional
  if command -v update-mime-database >/dev/null; then update-mime-database "$prefix/mime" >/dev/null 2>&1 || true; fi
  if command -v update-desktop-database >/dev/null; then update-desktop-database -q "$prefix/applications" || true; fi
  if command -v gtk-update-icon-cache >/dev/null && [[ -d $prefix/icons/hicolor ]]; then
    gtk-update-icon-cache -q -t -f "$prefix/icons/hicolor" || true
  fi
}

if [[ $action == uninstall ]]; then
  rm -f "${targets[@]}"
  refresh
  echo "Removed Venue Planner's menu entry, icons and file type from $prefix"
  exit 0
fi

if [[ -z $exec_path ]]; then
  echo "install-desktop.sh: no planner program found; pass --exec /path/to/planner" >&2
  exit 1
fi
exec_path=$(readlink -f "$exec_path")
if [[ ! -x $exec_path ]]; then
  echo "install-desktop.sh: $exec_path is not an executable program" >&2
  exit 1
fi
for needed in "$files/$APP_ID.desktop" "$files/$APP_ID.metainfo.xml" "$files/$APP_ID.mime.xml" \
              "$icons/venue-planner.svg"; do
  [[ -f $needed ]] || { echo "install-desktop.sh: missing $needed" >&2; exit 1; }
done

# The Exec line names the program by its full path (the desktop session's PATH may not include it),
# in double quotes when the path has spaces or other reserved characters (Desktop Entry spec, "Exec key").
case $exec_path in
  *[\"\`\$\\]*) echo "install-desktop.sh: move the program to a path without \", \`, \$ or \\ in it" >&2; exit 1 ;;
esac
quoted=${exec_path//[%]/%%}
if [[ $quoted =~ [^A-Za-z0-9_./+,:=@%-] ]]; then
  quoted="\"$quoted\""
fi

mkdir -p "$prefix/applications" "$prefix/metainfo" "$prefix/mime/packages" \
         "$prefix/icons/hicolor/scalable/apps" "$prefix/icons/hicolor/scalable/mimetypes"
desktop_tmp=$(mktemp)
trap 'rm -f "$desktop_tmp"' EXIT
while IFS= read -r line || [[ -n $line ]]; do
  case $line in
    Exec=*) printf 'Exec=%s open %%f\n' "$quoted" ;;
    TryExec=*) printf 'TryExec=%s\n' "$exec_path" ;;
    *) printf '%s\n' "$line" ;;
  esac
done <"$files/$APP_ID.desktop" >"$desktop_tmp"
install -m 644 "$desktop_tmp" "$prefix/applications/$APP_ID.desktop"
install -m 644 "$files/$APP_ID.metainfo.xml" "$prefix/metainfo/$APP_ID.metainfo.xml"
install -m 644 "$files/$APP_ID.mime.xml" "$prefix/mime/packages/$APP_ID.xml"
install -m 644 "$icons/venue-planner.svg" "$prefix/icons/hicolor/scalable/apps/$APP_ID.svg"
install -m 644 "$icons/venue-planner.svg" "$prefix/icons/hicolor/scalable/mimetypes/$MIME_ICON.svg"
for size in "${SIZES[@]}"; do
  png=$icons/venue-planner-$size.png
  [[ -f $png ]] || { echo "install-desktop.sh: missing $png" >&2; exit 1; }
  mkdir -p "$prefix/icons/hicolor/${size}x${size}/apps" "$prefix/icons/hicolor/${size}x${size}/mimetypes"
  install -m 644 "$png" "$prefix/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  install -m 644 "$png" "$prefix/icons/hicolor/${size}x${size}/mimetypes/$MIME_ICON.png"
done
refresh
echo "Installed Venue Planner for $(id -un) under $prefix"
echo "  menu entry: $prefix/applications/$APP_ID.desktop (runs $exec_path)"
echo "  file type:  $MIME_TYPE (*.vplan) opens in Venue Planner"
