#!/usr/bin/env bash
# The app as Zapier runs it: src/ compiled and bundled into one CommonJS file by esbuild (the
# transpiler tsx brings), whitespace, syntax and local identifiers minified with function and class
# names kept (--keep-names: stack traces still name every function), zapier-platform-core left as a
# dependency (`npm run zip` writes source.zip with the readable sources beside build.zip). Used by
# zapier-stage.sh for build.zip, and by test/shipping/bundle.test.ts, which checks that the bundle
# defines the same app as lib/.
#   scripts/bundle.sh OUTFILE
set -euo pipefail
out="${1:?usage: bundle.sh OUTFILE}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
node_modules/.bin/esbuild src/index.ts --bundle --platform=node --target=node22 --format=cjs \
  --minify-whitespace --minify-syntax --minify-identifiers --keep-names --legal-comments=none \
  --external:zapier-platform-core --outfile="$out" --log-level=warning
