#!/usr/bin/env bash
# Extracts one corpus app from a bare git directory (a mirror of its public repository) at the
# commit the manifest pins, and records that commit in DEST/NAME/.corpus-commit, which
# `npm run corpus` checks.
#
#   scripts/corpus-extract.sh GIT_DIR CORPUS_DIR NAME [COMMIT]
#
# COMMIT defaults to the one test/corpus/manifest.json pins for NAME. Mirrors may lack some blobs
# (large media): then the tree is extracted file by file and the missing files are left out (and
# counted). An existing DEST/NAME is replaced. Symbolic links are not extracted.
set -euo pipefail

if [ $# -lt 3 ] || [ $# -gt 4 ]; then
  echo "usage: $0 GIT_DIR CORPUS_DIR NAME [COMMIT]" >&2
  exit 2
fi
git_dir=$1
corpus=$2
name=$3
commit=${4:-}
here=$(cd "$(dirname "$0")/.." && pwd)

if [ -z "$commit" ]; then
  commit=$(node -e '
    const [manifest, name] = process.argv.slice(1);
    const entry = JSON.parse(require("fs").readFileSync(manifest, "utf8")).find((e) => e.name === name);
    if (!entry) { console.error(`${name} is not in ${manifest}; pass the COMMIT`); process.exit(2); }
    console.log(entry.commit);' "$here/test/corpus/manifest.json" "$name")
fi
case $name in
  */* | . | .. | '') echo "NAME must be a plain folder name (got '$name')" >&2; exit 2 ;;
esac
if ! git --git-dir="$git_dir" cat-file -e "$commit^{commit}" 2>/dev/null; then
  echo "$git_dir does not hold commit $commit" >&2
  exit 1
fi

dest=$corpus/$name
rm -rf "$dest"
mkdir -p "$dest"
# The quick way first; it stops at the first blob the mirror lacks.
if ! git --git-dir="$git_dir" archive "$commit" 2>/dev/null | tar -x -C "$dest" 2>/dev/null; then
  rm -rf "$dest"
  mkdir -p "$dest"
  missing=0
  # File by file: mode, type, object and path, NUL-separated (paths with odd characters survive).
  while IFS= read -r -d '' entry; do
    meta=${entry%%$'\t'*}
    path=${entry#*$'\t'}
    read -r mode type object <<<"$meta"
    [ "$type" = blob ] && [ "$mode" != 120000 ] || continue
    mkdir -p "$dest/$(dirname -- "$path")"
    if git --git-dir="$git_dir" cat-file blob "$object" >"$dest/$path" 2>/dev/null; then
      [ "$mode" = 100755 ] && chmod +x "$dest/$path"
    else
      rm -f -- "$dest/$path"
      missing=$((missing + 1))
    fi
  done < <(git --git-dir="$git_dir" ls-tree -r -z "$commit")
  echo "$name: $missing file(s) missing from the mirror were left out" >&2
fi
# git archive extracts symbolic links too: remove them, as the file-by-file path does.
find "$dest" -type l -delete
echo "$commit" >"$dest/.corpus-commit"
echo "$name: $(find "$dest" -type f | wc -l) files at $commit in $dest"
