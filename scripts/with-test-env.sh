#!/usr/bin/env bash
# Runs a command inside the environment the suites need, starting whatever is missing, so that on a fresh Debian 12
# machine `npm ci && npm test` passes with nothing else (and `npm run bench` runs too):
#   - Debian packages: installed when running as root, otherwise the exact apt-get line is printed and we stop;
#   - a Docker engine: reused when DOCKER_HOST answers, else a private dockerd (own data-root, exec-root, pidfile and
#     socket) is started and stopped by its pid on exit;
#   - the stand-in images (tests/standin/build.sh);
#   - a Secret Service: reused when a D-Bus session is present, else dbus-run-session + an unlocked gnome-keyring.
# Usage: scripts/with-test-env.sh COMMAND [ARG...]
set -euo pipefail
cd "$(dirname "$0")/.."

# openssh-server/-client: the ssh:// engine test; python3-paramiko: docker-py (Compose v1.29) imports it for any
# ssh:// DOCKER_HOST, even when it shells out to `ssh` (docker/transport/sshconn.py, python3-docker 5.0.3). rsync: the
# baseline of the NAS copy bench (bench/scenarios/migrate-rsync.ts).
packages=(docker.io docker-compose busybox-static libsecret-1-0 gir1.2-secret-1 python3-gi gnome-keyring dbus-x11 chromium xvfb xauth
  qbittorrent-nox nzbget iproute2 file ca-certificates samba smbnetfs docker-registry openssh-server openssh-client
  python3-paramiko rsync)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  line="apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" != 0 ]; then
    echo "test-env: missing Debian packages. Install them, then run the command again:" >&2
    echo "  sudo apt-get update && sudo $line" >&2
    exit 1
  fi
  echo "test-env: installing ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive $line -q
fi

tmp=$(mktemp -d /tmp/ups-test-env.XXXXXX)
dockerd_pid=""
cleanup() {
  set +e
  if [ -n "$dockerd_pid" ] && kill -0 "$dockerd_pid" 2>/dev/null; then
    ids=$(docker ps -aq 2>/dev/null)
    [ -n "$ids" ] && docker rm -f $ids >/dev/null 2>&1
    kill "$dockerd_pid"
    for _ in $(seq 1 30); do kill -0 "$dockerd_pid" 2>/dev/null || break; sleep 1; done
    kill -9 "$dockerd_pid" 2>/dev/null
  fi
  rm -rf "$tmp" 2>/dev/null
}
trap cleanup EXIT

if [ -n "${DOCKER_HOST:-}" ] && docker version >/dev/null 2>&1; then
  echo "test-env: using the engine at $DOCKER_HOST"
else
  if [ "$(id -u)" != 0 ]; then
    echo "test-env: no Docker engine answers${DOCKER_HOST:+ at $DOCKER_HOST}, and starting a private dockerd needs root." >&2
    echo "  Run as root, or start one and export DOCKER_HOST (see README)." >&2
    exit 1
  fi
  dockerd --data-root "$tmp/data" --exec-root "$tmp/exec" --pidfile "$tmp/dockerd.pid" \
    -H "unix://$tmp/docker.sock" >"$tmp/dockerd.log" 2>&1 &
  dockerd_pid=$!
  export DOCKER_HOST="unix://$tmp/docker.sock"
  for _ in $(seq 1 60); do
    docker version >/dev/null 2>&1 && break
    kill -0 "$dockerd_pid" 2>/dev/null || { echo "test-env: dockerd died"; cat "$tmp/dockerd.log"; exit 1; }
    sleep 1
  done
  export UPS_CI_DOCKERD_PIDFILE="$tmp/dockerd.pid"
fi
docker version --format 'test-env: docker engine {{.Server.Version}} on {{.Server.Os}}'
export UPS_CI_TMP="$tmp"

bash tests/standin/build.sh

if [ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] && [ -n "${GNOME_KEYRING_CONTROL:-}" ]; then
  "$@"
else
  # A real Secret Service: gnome-keyring in its own D-Bus session, a fresh keyring unlocked from stdin.
  export XDG_DATA_HOME="$tmp/xdg-data"
  mkdir -p "$XDG_DATA_HOME"
  dbus-run-session -- bash -c '
    set -euo pipefail
    eval "$(printf %s ups-test-keyring | gnome-keyring-daemon --unlock --components=secrets)"
    export GNOME_KEYRING_CONTROL
    "$@"
  ' with-test-env "$@"
fi
