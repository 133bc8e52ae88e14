#!/usr/bin/env bash
# Runs a benchmark in Release: ./benchmark.sh storage | sync | revisions | analytics
set -euo pipefail
cd "$(dirname "$0")"
dotnet run --configuration Release --project AirtableSync.Web -- benchmark "$@"
