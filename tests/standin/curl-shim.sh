#!/bin/sh
# Minimal `curl` for the stand-in (busybox has only wget): enough for the catalog's `curl -fsS [-o FILE] URL`
# health checks. Exit status is non-zero on an HTTP error, as with curl -f. (busybox `wget -T` segfaults: not used.)
out=-
url=""
while [ $# -gt 0 ]; do
  case "$1" in
    -o) out="$2"; shift 2 ;;
    -*) shift ;;
    *) url="$1"; shift ;;
  esac
done
[ -n "$url" ] || { echo "curl shim: no URL" >&2; exit 2; }
exec busybox wget -q -O "$out" "$url"
