#!/usr/bin/env bash
# Checks that theme/hugo.toml's module.hugoVersion.min is true: builds
# exampleSite with that exact Hugo version and with the pinned one. It fails
# if the older Hugo cannot build the site or builds other files; it shows
# the pages whose HTML differs (ignoring the stylesheet's fingerprint and the
# generator tag), for a person to judge: older Hugos format localised dates
# differently, for example. Compiling the older Hugo takes about 3 minutes; it is not
# part of the test suite for that reason. Usage: scripts/check-hugo-min.sh
set -euo pipefail
cd "$(dirname "$0")/.."

min=$(sed -n 's/^ *min *= *"\([0-9.]*\)".*/\1/p' theme/hugo.toml)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "--- building Hugo v$min"
(cd "$work" && printf 'module check\n\ngo 1.26\n' > go.mod &&
	go get -tool "github.com/gohugoio/hugo@v$min" >/dev/null 2>&1 &&
	go build -o "$work/hugo-min" github.com/gohugoio/hugo)

normalise() { sed -E 's/main\.[0-9a-f]+\.css/main.css/g; s/sha384-[A-Za-z0-9+\/=]+/sha384-/g; s/<meta name="?generator"? content="Hugo [0-9.]+">//'; }
for v in min pinned; do
	if [ $v = min ]; then hugo="$work/hugo-min"; else hugo="$(go tool -n hugo)"; fi
	"$hugo" version
	"$hugo" --source exampleSite -d "$work/$v" --cacheDir "$work/cache-$v" --gc --minify --quiet
	(cd "$work/$v" && find . -type f | normalise | sort > "$work/$v.files")
done
diff "$work/min.files" "$work/pinned.files"
differ=0
while read -r f; do
	if ! diff <(normalise < "$work/min/$f" | tr '>' '\n') <(normalise < "$work/pinned/$f" | tr '>' '\n') > "$work/diff"; then
		echo "--- $f differs:"
		cat "$work/diff"
		differ=$((differ + 1))
	fi
done < <(cd "$work/min" && find . -name '*.html' | sort)
echo "ok: Hugo v$min builds the same $(wc -l < "$work/min.files") files as the pinned Hugo; $differ HTML pages differ (shown above)"
