# Sourced by scripts/test.sh and scripts/bench.sh: install_packages NAME... installs the Debian packages
# named (none: nothing to do) with apt-get when run as root, and otherwise stops saying how to install them.
install_packages() {
  [ $# -gt 0 ] || return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing $* with apt-get…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
  else
    echo "Missing $*. Install with: sudo apt-get install -y --no-install-recommends $*" >&2
    exit 1
  fi
}
