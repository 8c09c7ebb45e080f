#!/bin/sh
# The WordPress client against a real WordPress (Debian 12's package) on
# 127.0.0.1, started by ../shared/tools/wordpress-peer.sh (needs root: it
# installs the packages, writes /etc/wordpress/config-127.0.0.1.php and
# drops to www-data/mysql). See ../shared/docs/wordpress-peer.md.
#
#   test-wordpress-peer.sh SOURCE_ROOT TEST_PROGRAM
#
# Skips (77) only when the peer script is not beside the repository. A peer
# this script started is stopped at the end; one that was already running
# is left running (and its data kept), so a developer's peer survives.
set -eu

src=${1:?source root}
program=${2:?test program}

top=$(git -C "$src" rev-parse --show-toplevel 2>/dev/null || echo "$src")
peer="$top/../shared/tools/wordpress-peer.sh"
if [ ! -f "$peer" ]; then
  echo "1..0 # SKIP $peer not found"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=""
else
  as_root="sudo -n"
fi

started=0
if ! creds=$($as_root bash "$peer" status 2>/dev/null); then
  creds=$($as_root bash "$peer" start)
  started=1
fi

stop_peer() {
  if [ "$started" -eq 1 ]; then
    $as_root bash "$peer" stop >/dev/null 2>&1 || true
  fi
}
trap stop_peer EXIT

# Three KEY=value lines; not eval'd (USER would replace the caller's).
WARTA_WP_BASE_URL=$(printf '%s\n' "$creds" | sed -n 's/^BASE_URL=//p')
WARTA_WP_USER=$(printf '%s\n' "$creds" | sed -n 's/^USER=//p')
WARTA_WP_APP_PASSWORD=$(printf '%s\n' "$creds" | sed -n 's/^APP_PASSWORD=//p')
export WARTA_WP_BASE_URL WARTA_WP_USER WARTA_WP_APP_PASSWORD

case "$WARTA_WP_BASE_URL" in
  http://127.0.0.1:*) ;;
  *) echo "Bail out! the peer is not on 127.0.0.1: $WARTA_WP_BASE_URL"; exit 1 ;;
esac

# Loopback: no proxy.
GIO_USE_PROXY_RESOLVER=dummy "$program" --tap
