#!/usr/bin/env bash
# Builds, without any image registry, the local stand-in for AWS's Lambda Python image (public.ecr.aws/lambda/
# python:3.13) that `sam local --invoke-image` uses here: a Debian trixie root filesystem from Debian's packages
# (its python3 is 3.13, the template's runtime), /var/runtime with the runtime interface client and boto3 from
# PyPI (runtime-requirements.txt) and the bootstrap beside this script; sam local adds the Runtime Interface
# Emulator from its own wheel. The image is for the host's architecture. The root filesystem is cached as a tar
# next to the OpenSearch download, keyed by this recipe, so a later run (or a fresh Docker) only imports it.
# Usage: lambda-image.sh PYTHON (a Python with pip, for fetching the wheels). Prints nothing but errors.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pip_python=$1
image=archive-search/lambda-python:3.13
suite=trixie

case "$(uname -m)" in
  x86_64) wheel_platform=manylinux2014_x86_64 ;;
  aarch64) wheel_platform=manylinux2014_aarch64 ;;
  *) echo "lambda-image: no Lambda architecture for $(uname -m)" >&2; exit 1 ;;
esac
recipe=$(cat "$0" "$here/bootstrap" "$here/runtime-requirements.txt" | sha256sum | cut -c1-16)

if [ "$(docker image inspect --format '{{index .Config.Labels "recipe"}}' "$image" 2>/dev/null)" = "$recipe" ]; then
  exit 0
fi

# The same cache folder as the OpenSearch launcher (cli/archive_search_cli/opensearch_node.py).
if [ -n "${XDG_CACHE_HOME:-}" ]; then cache=$XDG_CACHE_HOME/somanet-archive-search
elif [ "$(id -u)" = 0 ]; then cache=/var/cache/somanet-archive-search
else cache=$HOME/.cache/somanet-archive-search
fi
tarball=$cache/lambda-python-3.13-$(uname -m)-$recipe.tar

if [ ! -f "$tarball" ]; then
  mkdir -p "$cache"
  rootfs=$(mktemp -d "$cache/rootfs.XXXXXX")
  trap 'rm -rf "$rootfs"' EXIT
  echo "lambda-image: debootstrap $suite with python3 (about a minute)"
  debootstrap --variant=minbase --include=python3 "$suite" "$rootfs" http://deb.debian.org/debian >"$rootfs.log" 2>&1 \
    || { tail -20 "$rootfs.log" >&2; exit 1; }
  rm -f "$rootfs.log"
  "$pip_python" -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps \
    --platform "$wheel_platform" --implementation cp --python-version 3.13 --only-binary=:all: \
    --target "$rootfs/var/runtime" -r "$here/runtime-requirements.txt"
  install -m 0755 "$here/bootstrap" "$rootfs/var/runtime/bootstrap"
  mkdir -p "$rootfs/var/task" "$rootfs/opt"
  # Package caches and documentation are not part of a runtime.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
    "$rootfs"/usr/share/doc "$rootfs"/usr/share/man "$rootfs"/usr/share/info "$rootfs"/usr/share/locale
  tar -C "$rootfs" -cf "$tarball.partial" .
  mv "$tarball.partial" "$tarball"
fi

previous=$(docker image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)
docker import \
  --change "LABEL recipe=$recipe" \
  --change "ENV LANG=C.UTF-8 TZ=:UTC LAMBDA_TASK_ROOT=/var/task LAMBDA_RUNTIME_DIR=/var/runtime" \
  --change "ENV AWS_EXECUTION_ENV=AWS_Lambda_python3.13" \
  --change "WORKDIR /var/task" \
  "$tarball" "$image" >/dev/null
# sam local derives archive-search/lambda-python:rapid-<arch> from this image (adding the emulator) and reuses it
# while it exists: remove it so the next run derives it from the new image.
docker image ls --format '{{.Repository}}:{{.Tag}}' "${image%%:*}" | { grep ':rapid-' || true; } | xargs -r docker rmi >/dev/null
# The image this one replaces, unless a container still uses it.
if [ -n "$previous" ]; then docker rmi "$previous" >/dev/null 2>&1 || true; fi
# Older recipes' tars are not needed again.
find "$cache" -maxdepth 1 -name 'lambda-python-3.13-*.tar' ! -name "$(basename "$tarball")" -delete
