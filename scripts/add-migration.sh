#!/usr/bin/env bash
# Adds an EF Core migration: ./scripts/add-migration.sh Name
# EF Core's Design package does not restore from the feed, so it is referenced only in a design-time build (EF_DESIGN=1,
# in bin-design/ and obj-design/); the normal build never contains it. See WuShe.App/WuShe.App.csproj.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "用法：$0 迁移名称" >&2; exit 2; }
dotnet tool restore >/dev/null
export EF_DESIGN=1
dotnet restore WuShe.App -nologo -v quiet
dotnet tool run dotnet-ef migrations add "$1" --project WuShe.App --output-dir Data/Migrations
