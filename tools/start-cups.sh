#!/usr/bin/env bash
# Start a local CUPS server with a PDF queue (cups-pdf) so the printing tests print on a real printer.
# Idempotent: an already running cupsd and an existing queue are kept.
#   tools/start-cups.sh [QUEUE]     (default queue: VenuePlannerPDF)
# Prints the queue's output folder on its last line.
set -euo pipefail
queue=${1:-VenuePlannerPDF}

if ! command -v cupsd >/dev/null 2>&1 || [[ ! -x /usr/lib/cups/backend/cups-pdf ]]; then
  echo "cups and printer-driver-cups-pdf are not installed (tools/system-deps.sh test installs them)" >&2
  exit 1
fi

running() { lpstat -r 2>/dev/null | grep -q "is running"; }
if ! running; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "cupsd is not running; start it as root (sudo $0)" >&2
    exit 1
  fi
  mkdir -p /run/cups
  cupsd
  for _ in $(seq 50); do running && break; sleep 0.2; done
  running || { echo "cupsd did not start" >&2; exit 1; }
fi

if ! lpstat -p "$queue" >/dev/null 2>&1; then
  ppd=$(ls /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd /usr/share/ppd/cups-pdf/*.ppd 2>/dev/null | head -n 1 || true)
  if [[ -n $ppd ]]; then
    lpadmin -p "$queue" -E -v cups-pdf:/ -P "$ppd" 2>/dev/null
  else
    lpadmin -p "$queue" -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd
  fi
fi
cupsenable "$queue"
cupsaccept "$queue"

out=$(sed -n 's/^Out[[:space:]]\+//p' /etc/cups/cups-pdf.conf 2>/dev/null | tail -n 1)
out=${out:-'/var/spool/cups-pdf/${USER}'}
out=$(printf '%s' "$out" | sed -e "s|\${HOME}|$HOME|g" -e "s|\${USER}|$(id -un)|g")
echo "queue $queue ready; PDFs go to $out"
