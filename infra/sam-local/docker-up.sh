#!/usr/bin/env bash
# Makes a Docker engine answer here without any image registry: installs Debian's docker.io (and debootstrap,
# which lambda-image.sh needs) when missing, and starts dockerd as root when nothing answers. The engine keeps
# running after this script; its log goes to $1 (default .local/dockerd.log).
set -euo pipefail
log=${1:-.local/dockerd.log}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null; then sudo "$@"
  else echo "docker-up: '$*' needs root and sudo is missing" >&2; exit 1
  fi
}

if ! command -v dockerd >/dev/null || ! command -v docker >/dev/null || ! command -v debootstrap >/dev/null; then
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q docker.io debootstrap
fi
if docker info >/dev/null 2>&1; then exit 0; fi

mkdir -p "$(dirname "$log")"
echo "docker-up: starting dockerd (log: $log)"
as_root setsid nohup dockerd >"$log" 2>&1 </dev/null &
for _ in $(seq 60); do
  if docker info >/dev/null 2>&1; then exit 0; fi
  sleep 1
done
echo "docker-up: dockerd did not answer within 60 s:" >&2
tail -20 "$log" >&2
exit 1
