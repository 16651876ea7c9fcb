#!/usr/bin/env bash
# Builds the committed HEAD twice, each time in a fresh clone in its own directory, and checks that every jar (and
# the published BOM) of the two builds is byte for byte the same: the reproducible-build promise of
# project.build.outputTimestamp. Uncommitted changes are not part of it.
#
#   scripts/check-reproducible.sh            # about 3 minutes on 2 cores; extra arguments go to Maven, e.g. -o
#
# Exits 0 when every file is identical, 1 when one differs (and names it), 2 when a build fails.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
commit="$(git -C "$repo" rev-parse HEAD)"
work="$(mktemp -d "${TMPDIR:-/tmp}/tiktok-events-repro.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "Reproducibility check of commit $commit"
for n in 1 2; do
  dir="$work/build$n"
  git clone -q --no-local "$repo" "$dir"
  git -C "$dir" checkout -q "$commit"
  echo "build $n in $dir: mvn -B -ntp -P release package -DskipTests $*"
  if ! (cd "$dir" && mvn -B -ntp -P release package -DskipTests "$@" > "$work/build$n.log" 2>&1); then
    tail -40 "$work/build$n.log"
    echo "build $n failed" >&2
    exit 2
  fi
done

artifacts() {
  (cd "$1" && find . -path '*/target/*' \( -name '*.jar' -o -name '.flattened-pom.xml' \) -not -path '*/target/*/*/*' | sort)
}

artifacts "$work/build1" > "$work/list1"
artifacts "$work/build2" > "$work/list2"
if ! diff -u "$work/list1" "$work/list2"; then
  echo "the two builds made different sets of files" >&2
  exit 1
fi

differ=0
count=0
while read -r file; do
  count=$((count + 1))
  one="$(sha256sum < "$work/build1/$file" | cut -c1-64)"
  two="$(sha256sum < "$work/build2/$file" | cut -c1-64)"
  if [ "$one" = "$two" ]; then
    printf 'identical  %s  %s\n' "$one" "${file#./}"
  else
    differ=$((differ + 1))
    printf 'DIFFERENT  %s\n           %s  %s\n' "$one" "$two" "${file#./}"
    if [[ "$file" == *.jar ]]; then
      diff <(unzip -lv "$work/build1/$file" | awk '{print $7, $8}') \
           <(unzip -lv "$work/build2/$file" | awk '{print $7, $8}') | head -20 || true
    fi
  fi
done < "$work/list1"

if [ "$differ" -ne 0 ]; then
  echo "$differ of $count files differ between two builds of $commit" >&2
  exit 1
fi
echo "$count files, all byte-identical between two builds of $commit"
