#!/usr/bin/env bash
# Everything CI checks, against a throwaway PostgreSQL this script starts and always stops.
# Extra arguments go to pytest (e.g. `make test ARGS="-k brief"`).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=.venv

source scripts/packages.sh
need_packages=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_packages+=(postgresql)
command -v chromium >/dev/null 2>&1 || need_packages+=(chromium)
command -v faketime >/dev/null 2>&1 || need_packages+=(faketime)
install_packages "${need_packages[@]}"

# A throwaway PostgreSQL, stopped and removed on exit; sets DATABASE_URL. No autovacuum: the cluster lives
# minutes, and its ANALYZE transactions would move the snapshot core/pagecache.py keys pages on while a
# test checks that a page is kept.
PG_SETTINGS="-c autovacuum=off"
source scripts/pg.sh

# QUICK=1 skips lint and checks, for a developer re-running a few tests.
if [ -z "${QUICK:-}" ]; then
echo "== ruff check"; "$VENV/bin/ruff" check .
echo "== ruff format --check"; "$VENV/bin/ruff" format --check .
echo "== makemigrations --check"; "$VENV/bin/python" manage.py makemigrations --check --dry-run
echo "== check --deploy (production settings)"
DEBUG=0 ALLOWED_HOSTS=scrutiny.example.gov.uk \
  SECRET_KEY="check-deploy-$(head -c 48 /dev/urandom | base64 | tr -d '/+=')" \
  STATICFILES_STORAGE=whitenoise.storage.CompressedManifestStaticFilesStorage \
  "$VENV/bin/python" manage.py check --deploy --fail-level WARNING
fi
# Playwright's sync API runs an event loop beside live_server (only for the tests: check --deploy forbids it).
export DJANGO_ALLOW_ASYNC_UNSAFE=true
# Exit status 5 (no tests collected) is a failure here: this suite always has tests.
if [ $# -gt 0 ]; then
  echo "== pytest $* (PostgreSQL, Chromium)"
  "$VENV/bin/python" -m pytest "$@"
  exit $?
fi

# The full gate. Date logic must hold whatever the hour CI runs at, so the non-browser suite runs
# twice with the system clock set to 00:30 and 05:00 UK time today (the hours a meeting held the
# evening before is most easily mistaken for "upcoming"), side by side on two databases; then the
# browser journeys run against the real clock.
TODAY=$(TZ=Europe/London date +%F)
LOGS=$(mktemp -d /tmp/scrutiny-test.XXXXXX)
# Each run has a cluster of its own: a write in one moves every snapshot in its cluster, and the page cache's
# tests (tests/test_page_cache.py) check that a page is kept until something is written.
start_pg $PG_SETTINGS
DAWN_URL=$PG_URL
run_at() {  # run_at HH:MM database-url: the non-browser suite under faketime
  # Not FAKETIME_DONT_FAKE_MONOTONIC: with it, libfaketime 0.9.10 makes every time.sleep() fail with EINVAL.
  TZ=Europe/London DATABASE_URL="$2" \
    faketime -f "@$TODAY $1:00" "$VENV/bin/python" -m pytest -m "not browser" -q -p no:cacheprovider \
    >"$LOGS/$3.log" 2>&1
}
echo "== pytest, non-browser, clock at 00:30 and at 05:00 UK time ($TODAY), in parallel"
run_at 00:30 "$DATABASE_URL" night & night=$!
run_at 05:00 "$DAWN_URL" dawn & dawn=$!
status=0
wait $night || status=1
wait $dawn || status=1
for run in night dawn; do
  if [ $status -ne 0 ]; then cat "$LOGS/$run.log"; else tail -n 3 "$LOGS/$run.log"; fi
done
echo "== pytest, browser journeys in Chromium (real clock)"
"$VENV/bin/python" -m pytest -m browser -q -p no:cacheprovider 2>&1 | tee "$LOGS/browser.log" || status=1
passed=0; failed=0
for run in night dawn browser; do
  line=$(grep -E "[0-9]+ (passed|failed)" "$LOGS/$run.log" | tail -n 1 || true)
  [ -n "$line" ] || status=1
  for n in $(echo "$line" | grep -oE "[0-9]+ passed" | grep -oE "^[0-9]+" || true); do passed=$((passed + n)); done
  for n in $(echo "$line" | grep -oE "[0-9]+ (failed|errors?)" | grep -oE "^[0-9]+" || true); do failed=$((failed + n)); done
done
rm -rf "$LOGS"
echo "total: $passed passed, $failed failed"
exit $status
