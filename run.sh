#!/usr/bin/env bash
# Runs WuShe on http://127.0.0.1:5080 in Development: installs what is missing, builds, migrates and seeds on first start.
set -euo pipefail
cd "$(dirname "$0")"
./scripts/prerequisites.sh
dotnet tool restore >/dev/null
dotnet build WuShe.App -c Release -nologo -v quiet
echo "WuShe 正在启动：http://127.0.0.1:5080 （开发账号见 README.md）"
cd WuShe.App
exec env ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}" \
  ./bin/Release/net10.0/WuShe.App --urls "${WUSHE_URLS:-http://127.0.0.1:5080}" "$@"
