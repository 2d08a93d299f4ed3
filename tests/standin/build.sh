#!/usr/bin/env bash
# Builds the stand-in images from Debian's busybox-static (no registry needed) and tags them with the names tests use.
# Usage: tests/standin/build.sh [extra-tag ...]   (DOCKER_HOST must point at the engine)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
busybox=${BUSYBOX:-/bin/busybox}
[ -x "$busybox" ] || busybox=/usr/bin/busybox


root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,tmp,etc,proc,sys,dev,www,data,config}
cp "$busybox" "$root/bin/busybox"
for applet in $("$busybox" --list); do
  [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
done
echo 'root:x:0:0:root:/root:/bin/sh' > "$root/etc/passwd"
echo 'root:x:0:' > "$root/etc/group"
chmod 1777 "$root/tmp"
tar -C "$root" -c . | docker import - ups-standin/busybox:base >/dev/null

# The generic stand-in (every tool), then one variant per catalog image with only that image's tools (tools.json).
DOCKER_BUILDKIT=0 docker build -q -t ups-standin/service:latest "$here" >/dev/null
variants=$(node -e '
  const v = require(process.argv[1]).variants;
  for (const [name, e] of Object.entries(v)) console.log([name, ...e.tools, ...(e.files ? ["nzbget-template"] : [])].join(" "));
' "$here/tools.json")
built=""
while read -r name tools; do
  DOCKER_BUILDKIT=0 docker build -q -t "ups-standin/service:$name" --build-arg "STANDIN_SERVICE=$name" --build-arg "STANDIN_TOOLS=$tools" "$here" >/dev/null
  built="$built ups-standin/service:$name"
done <<< "$variants"
for tag in "$@"; do docker tag ups-standin/service:latest "$tag"; done
echo "stand-in images ready: ups-standin/busybox:base ups-standin/service:latest$built $*"
