#!/usr/bin/env bash
# Runs every WuShe test (domain, seed data, SQLite persistence, HTTP scope, Playwright in Chromium) and ends with
# one line "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")"
./scripts/prerequisites.sh || exit 1
dotnet tool restore >/dev/null
results="$(pwd)/TestResults"
rm -rf "$results"
dotnet test WuShe.sln -c Debug -nologo --logger "trx;LogFileName=wushe.trx" --logger "console;verbosity=normal" \
  --results-directory "$results" "$@"
status=$?
trx="$results/wushe.trx"
if [ -f "$trx" ]; then
  passed=$(grep -o '<Counters [^>]*' "$trx" | grep -o 'passed="[0-9]*"' | grep -o '[0-9]*')
  failed=$(grep -o '<Counters [^>]*' "$trx" | grep -o ' failed="[0-9]*"' | grep -o '[0-9]*')
  echo "${passed:-0} passed, ${failed:-0} failed"
else
  echo "0 passed, 1 failed"
  status=1
fi
exit $status
