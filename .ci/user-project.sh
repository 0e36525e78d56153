#!/usr/bin/env bash
# Builds src/it/finger-test, a user's project with only wsemu and JUnit as dependencies, against
# the wsemu jar this build made (target/wsemu-VERSION.jar with this pom), installed into the local
# Maven repository as `mvn install` would: what a user gets from a published release.
# Usage: .ci/user-project.sh [VERSION]   (run `mvn package` first; UserProjectIT runs it in verify)
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION="${1:-$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -1)}"
JAR="target/wsemu-$VERSION.jar"
[ -f "$JAR" ] || { echo "no $JAR: run mvn package first" >&2; exit 2; }
mvn -B -q -nsu org.apache.maven.plugins:maven-install-plugin:3.2.0:install-file \
  -Dfile="$JAR" -DpomFile=pom.xml
mvn -B -q -nsu -f src/it/finger-test/pom.xml -Dwsemu.version="$VERSION" clean test
