#!/usr/bin/env bash
# Checks that the build is reproducible: builds the jars twice, each time in a fresh copy of the
# working tree at another path, and compares their SHA-256: the library jar, its sources and
# Javadoc jars, and the CLI jar. Exit code 0 if each is the same both times, 1 if one differs (the
# entries that differ are shown), 2 if a build fails. Arguments go to Maven (for example -o).
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# build NAME [MAVEN ARGS...]: copies the files git would commit (tracked or new, not ignored, so
# no target/) to $work/NAME and packages them there.
build() {
  local dir=$work/$1
  shift
  mkdir -p "$dir"
  git ls-files -z --cached --others --exclude-standard \
    | while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done \
    | tar --null -T - -cf - | tar -xf - -C "$dir"
  if ! (cd "$dir" && mvn -B -q -DskipTests "$@" package) >"$dir.log" 2>&1; then
    cat "$dir.log"
    echo "reproducible.sh: the build in $dir failed" >&2
    exit 2
  fi
}

build first "$@"
build second "$@"

entries() { unzip -v "$1" | tail -n +2; }

status=0
jars=0
for jar in "$work"/first/target/*.jar; do
  name=$(basename "$jar")
  one=$(sha256sum "$jar" | cut -d' ' -f1)
  two=$(sha256sum "$work/second/target/$name" | cut -d' ' -f1)
  jars=$((jars + 1))
  if [ "$one" = "$two" ]; then
    echo "same       $one  $name"
  else
    echo "DIFFERENT  $one  $two  $name"
    diff <(entries "$jar") <(entries "$work/second/target/$name") | head -40 || true
    status=1
  fi
done
sources=$(compgen -G "$work/first/target/wsemu-*-sources.jar" || true)
for jar in "${sources%-sources.jar}".jar "${sources%-sources.jar}"-javadoc.jar "$sources"; do
  if [ -z "$sources" ] || [ ! -f "$jar" ]; then
    echo "reproducible.sh: missing ${jar:-the sources jar}" >&2
    status=1
  fi
done
echo "$jars jars compared"
exit $status
