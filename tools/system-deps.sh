#!/usr/bin/env bash
# Make sure the system libraries Qt (and the PDF tests) need are present.
# As root on Debian/Ubuntu the missing packages are installed; otherwise the exact
# apt-get line is printed and the script fails.
#   tools/system-deps.sh run    libraries for a real window (X11/xcb)
#   tools/system-deps.sh test   libraries for the offscreen test suite, Xvfb, pdftoppm, CUPS with a PDF printer
set -euo pipefail

offscreen=(libegl1 libgl1 libdbus-1-3 libfontconfig1 libglib2.0-0 libxkbcommon0)
window=(libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
        libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libx11-xcb1)
testing=(xvfb xauth poppler-utils cups printer-driver-cups-pdf)

case "${1:-test}" in
  run) wanted=("${offscreen[@]}" "${window[@]}") ;;
  test) wanted=("${offscreen[@]}" "${window[@]}" "${testing[@]}") ;;
  *) echo "usage: $0 run|test" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
  exit 0  # not Debian/Ubuntu: we cannot check; Qt will say what is missing
fi

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing system packages. Install them with:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
