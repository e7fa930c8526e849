#!/usr/bin/env bash
# Installs the Debian 12 packages hdcat needs to build, run and test, skipping
# those already present. Needs root (or sudo) only when something is missing.
#
#   scripts/install-deps.sh          build and run dependencies
#   scripts/install-deps.sh --test   also what the test suite uses
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libpq-dev postgresql postgresql-contrib
  libxapian-dev xapian-tools
  libpistache-dev
  nlohmann-json3-dev
  libssl-dev
  libcurl4-gnutls-dev
  libicu-dev
  libraptor2-dev raptor2-utils
  libxml2-dev
  libkainjow-mustache-dev
  catch2
)
if [ "${1:-}" = "--test" ]; then
  packages+=(chromium chromium-driver fonts-noto-cjk wrk hyperfine)
  # Node.js may come from another Debian-format package that bundles npm.
  command -v npm >/dev/null || packages+=(nodejs npm)
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root to install ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
