#!/usr/bin/env bash
# Runs `zapier-platform build` or `push` from a staging copy that holds only what an app ships:
# its entry, the compiled code, package files, .zapierapprc and production dependencies, plus the
# project's sources (the files git tracks or would track) for source.zip.
# Zapier's CLI copies the whole project, node_modules included, before building; with this
# project's development tools (the CLI itself, jest, Node 22) that copy runs out of file handles.
#   scripts/zapier-stage.sh build [flags]    -> build/build.zip in the app's folder
#   scripts/zapier-stage.sh push [flags]
# APP_DIR (default: this project) names another compiled app, e.g. the benchmark's template.
set -euo pipefail
command="${1:?usage: zapier-stage.sh build|push [flags]}"; shift
root="$(cd "$(dirname "$0")/.." && pwd)"
app="${APP_DIR:-$root}"
stage="$(mktemp -d "${TMPDIR:-/tmp}/zapier-stage.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
export PATH="$root/node_modules/.bin:$PATH" DISABLE_ZAPIER_ANALYTICS=1

if [ "$app" = "$root" ]; then (cd "$root" && npm run --silent build); fi
# source.zip holds every file of the copy that the copy's .gitignore lets through (node_modules/, lib/
# and build/ are ignored there): so the project's sources go in as git lists them (tracked, or new and
# not ignored; a tracked file deleted from the work tree is skipped), then the compiled code.
if [ "$app" = "$root" ]; then
  (cd "$root" && git ls-files -z --cached --others --exclude-standard \
    | tar -cf - --null --ignore-failed-read -T - 2>/dev/null) | tar -xf - -C "$stage"
elif [ -e "$app/.gitignore" ]; then cp "$app/.gitignore" "$stage/"
fi
for item in package.json package-lock.json index.js lib dist .zapierapprc; do
  if [ -e "$app/$item" ]; then cp -r "$app/$item" "$stage/"; fi
done
# What ships is the app as one bundle (scripts/bundle.sh): one file loads faster than sixty and zips
# smaller (README, "Performance and reliability").
if [ "$app" = "$root" ]; then
  rm -rf "$stage/lib"
  "$root/scripts/bundle.sh" "$stage/lib/index.js"
fi
# The code is already compiled: the staging copy must not run the build script again.
node -e 'const f=process.argv[1],p=require(f);delete p.scripts["_zapier-build"];require("fs").writeFileSync(f,JSON.stringify(p,null,2))' "$stage/package.json"
if [ -e "$stage/package-lock.json" ]; then install=ci; else install=install; fi
(cd "$stage" && npm "$install" --omit=dev --omit=optional --omit=peer --no-audit --no-fund --loglevel=error >/dev/null)
(cd "$stage" && zapier-platform "$command" "$@")
if [ -d "$stage/build" ]; then mkdir -p "$app/build" && cp "$stage"/build/*.zip "$app/build/"; fi
