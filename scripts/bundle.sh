#!/usr/bin/env bash
# The app as Zapier runs it: src/ compiled and bundled into one CommonJS file by esbuild (the
# transpiler tsx brings), whitespace and syntax minified with names kept (stack traces stay
# readable), zapier-platform-core left as a dependency. Used by zapier-stage.sh for build.zip, and
# by test/shipping/bundle.test.ts, which checks that the bundle defines the same app as lib/.
#   scripts/bundle.sh OUTFILE
set -euo pipefail
out="${1:?usage: bundle.sh OUTFILE}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
node_modules/.bin/esbuild src/index.ts --bundle --platform=node --target=node22 --format=cjs \
  --minify-whitespace --minify-syntax --keep-names --legal-comments=none \
  --external:zapier-platform-core --outfile="$out" --log-level=warning
