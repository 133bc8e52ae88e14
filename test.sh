#!/usr/bin/env bash
# Runs the whole test suite. Installs what the tests need when it is missing (Debian packages),
# then prints one closing line "N passed, N failed, N skipped" computed from the TRX results and
# exits with dotnet test's exit code.
set -uo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
need_package() { # need_package <command-or-path> <debian-package>
  if ! command -v "$1" >/dev/null 2>&1 && [ ! -x "$1" ]; then
    if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq >/dev/null; apt_updated=1; fi
    echo "test.sh: installing $2" >&2
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$2" >/dev/null
  fi
}

# Real Chromium for the browser login and end-to-end tests (Playwright cannot download its own here).
need_package chromium chromium
export BROWSER__EXECUTABLEPATH="${BROWSER__EXECUTABLEPATH:-$(command -v chromium)}"
# Xvfb for the headful browser login, which the app puts on a virtual display of its own. A desktop's DISPLAY
# would put those test windows on the screen instead, so the tests run without one.
need_package Xvfb xvfb
unset DISPLAY

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT

dotnet test AirtableSync.sln --configuration Release --logger "trx" --results-directory "$results" "$@"
code=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  # Count per test result only (the file's ResultSummary carries an outcome attribute too).
  passed=$((passed + $(grep -oE '<UnitTestResult [^>]*outcome="Passed"' "$trx" | wc -l)))
  failed=$((failed + $(grep -oE '<UnitTestResult [^>]*outcome="(Failed|Error|Timeout|Aborted)"' "$trx" | wc -l)))
  skipped=$((skipped + $(grep -oE '<UnitTestResult [^>]*outcome="(NotExecuted|Inconclusive)"' "$trx" | wc -l)))
done
echo "$passed passed, $failed failed, $skipped skipped"
exit $code
