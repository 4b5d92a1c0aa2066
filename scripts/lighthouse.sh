#!/usr/bin/env bash
# Runs Lighthouse (npm lighthouse@12.2.3, in /usr/bin/chromium) on the built
# exampleSite's home, research, people and publications pages, on a mobile
# device, and writes the four category scores to docs/BENCHMARKS.md. It
# fails, as CI does, when accessibility, best practices or SEO scores below
# 95 on any page. Usage: scripts/lighthouse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
go test ./tools/tests/lighthouse -run TestLighthouse -count=1 -v -args -update-benchmarks
