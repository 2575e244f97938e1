#!/usr/bin/env bash
# The page benchmark (benchmarks/bench_pages.py) on a throwaway PostgreSQL, with wrk for the throughput run.
# Arguments go to bench_pages.py; the default is the issue-10 run: 100,000 actions against 1,000, and throughput.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv
source scripts/packages.sh
need_packages=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_packages+=(postgresql)
command -v wrk >/dev/null 2>&1 || need_packages+=(wrk)
install_packages "${need_packages[@]}"
source scripts/pg.sh
if [ "${1:-}" = search ]; then  # the search benchmark (issue 14): make bench ARGS="search --actions 100000"
  shift
  "$VENV/bin/python" benchmarks/bench_search.py "$@" 2> >(grep -v "No directory at" >&2)
  exit
fi
if [ $# -eq 0 ]; then set -- --actions 100000 --baseline 1000 --throughput; fi
"$VENV/bin/python" benchmarks/bench_pages.py "$@" 2> >(grep -v "No directory at" >&2)
