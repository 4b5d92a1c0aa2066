#!/usr/bin/env bash
# Builds generated lab sites of 1,000 and 10,000 content files with the
# labsite theme and with the bare reference theme (tools/bench/bare-theme),
# alternating them after a warm-up, and writes the medians, the ratio to
# bare, peak memory and scaling to docs/BENCHMARKS.md, with the plot
# docs/bench-build.svg. About 3 minutes on an idle 2-core machine. Usage:
#   TMPDIR=/dev/shm scripts/bench-build.sh  # as docs/BENCHMARKS.md reports (output on tmpfs)
#   SIZES=1000 RUNS=3 scripts/bench-build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
go run ./tools/bench -sizes "${SIZES:-1000,10000}" -runs "${RUNS:-3}" \
	-svg docs/bench-build.svg -doc docs/BENCHMARKS.md "$@"
