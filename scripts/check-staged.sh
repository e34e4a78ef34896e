#!/usr/bin/env bash
# Checks what the release profile staged for one module, right after the module's deploy step:
# what Maven Central would receive from it. Every module runs it, so the set of published modules
# comes from the build itself: a module is published unless it sets maven.deploy.skip.
#
# A published module has a flattened POM with the metadata Central requires; a module with code
# also has its jar, a sources jar and a javadoc jar, no test-jar, and an entry in the BOM.
#
# Usage: check-staged.sh STAGING GROUP_ID ARTIFACT_ID VERSION PACKAGING DEPLOY_SKIP BOM_POM JAR_TOOL
set -euo pipefail
staging=$1 group=$2 artifact=$3 version=$4 packaging=$5 skip=$6 bom=$7 jar=$8
dir="$staging/${group//.//}/$artifact/$version"

fail() {
  echo "check-staged: $artifact: $*" >&2
  exit 1
}

if [ "$skip" = true ]; then
  [ ! -e "$dir" ] || fail "sets maven.deploy.skip but was staged in $dir"
  exit 0
fi
[ -d "$dir" ] || fail "nothing staged in $dir"

# A SNAPSHOT is staged under timestamped names (artifact-0.1.0-20260101.120000-1.jar); take the
# newest build, as a repository does.
pom=$(find "$dir" -maxdepth 1 -name "$artifact-*.pom" | sort | tail -n 1)
[ -n "$pom" ] || fail "no POM staged"
base=${pom%.pom}

for element in name description url licenses scm developers; do
  grep -Eq "<$element[ >]" "$pom" || fail "the staged POM has no <$element>"
done
grep -q "<parent>" "$pom" && [ "$packaging" != pom ] && fail "the staged POM is not flattened: it still names its parent"

tests=$(find "$dir" -maxdepth 1 -name "*-tests.jar" -o -maxdepth 1 -name "*-test-sources.jar")
[ -z "$tests" ] || fail "a test-jar was staged as if it were API: $tests"

[ "$packaging" = pom ] && exit 0

for classifier in "" -sources -javadoc; do
  [ -f "$base$classifier.jar" ] || fail "no ${classifier#-}${classifier:+ }jar staged (${base##*/}$classifier.jar)"
done
"$jar" tf "$base-sources.jar" | grep -Evq '/$|^META-INF/MANIFEST.MF$|^META-INF/maven/' || fail "the sources jar is empty"
"$jar" tf "$base-javadoc.jar" | grep -Eq '^(index\.html|README\.md)$' || fail "the javadoc jar has neither index.html nor README.md"

if [ "$packaging" = jar ]; then
  grep -q "<artifactId>$artifact</artifactId>" "$bom" || fail "is published but missing from the BOM: add it to ${bom#"$PWD"/}"
fi
