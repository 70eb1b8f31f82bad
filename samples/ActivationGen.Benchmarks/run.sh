#!/usr/bin/env bash
# Regenerates the figures of docs/benchmarks.md:
#   1. builds the benchmark project in Release,
#   2. checks every timed method against double references and the scalar MathF loop (stops on disagreement),
#   3. runs the BenchmarkDotNet suite (default: all 12 classes at 4K, 1M and 16M with the quick job),
#   4. prints markdown: the environment header, every class's table, the speedups and the issue-3 targets.
# Usage: samples/ActivationGen.Benchmarks/run.sh [--sizes 1M] [BenchmarkDotNet options, e.g. --filter '*Swish*' --job short]
# The markdown is also written to $ARTIFACTS/benchmarks-tables.md (default samples/ActivationGen.Benchmarks/BenchmarkDotNet.Artifacts).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
artifacts="${ARTIFACTS:-$here/BenchmarkDotNet.Artifacts}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

sizes=()
bdn=()
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes=(--sizes "$2"); shift 2 ;;
    *) bdn+=("$1"); shift ;;
  esac
done
has_filter=0
for a in "${bdn[@]+"${bdn[@]}"}"; do
  case "$a" in --filter|-f) has_filter=1 ;; esac
done
[ "$has_filter" -eq 1 ] || bdn+=(--filter '*')

cd "$here"
dotnet build -c Release ActivationGen.Benchmarks.csproj -nologo -v q
exe=(dotnet "$here/bin/Release/net10.0/ActivationGen.Benchmarks.dll")

mkdir -p "$artifacts"
rm -rf "$artifacts/results"
echo "== check =="
"${exe[@]}" --check "${sizes[@]+"${sizes[@]}"}" | tee "$artifacts/check.md"

echo "== benchmarks =="
start=$(date +%s)
"${exe[@]}" --no-check "${sizes[@]+"${sizes[@]}"}" --artifacts "$artifacts" "${bdn[@]}"
elapsed=$(( $(date +%s) - start ))

out="$artifacts/benchmarks-tables.md"
{
  echo "Suite wall time: $((elapsed / 60)) min $((elapsed % 60)) s"
  echo
  first=$(ls "$artifacts"/results/*-report-github.md | head -1)
  # The environment header BenchmarkDotNet writes above each table.
  sed -n '/^```/,/^```/p' "$first"
  echo
  for name in Swish GeluTanh Mish Softplus Sigmoid Tanh; do
    for dir in Forward Backward; do
      f="$artifacts/results/ActivationGen.Benchmarks.$name$dir-report-github.md"
      [ -f "$f" ] || continue
      echo "#### $name $dir"
      echo
      grep '^|' "$f"
      echo
    done
  done
  "${exe[@]}" --summarize "$artifacts/results"
} > "$out"
echo
echo "== markdown ($out) =="
cat "$out"
