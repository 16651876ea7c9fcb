#!/usr/bin/env bash
# After `mvn -B -ntp -P release verify`: lists the published modules' jars, sources jars and javadoc jars and checks
# their module names and every published pom's Maven Central metadata (scripts/CheckRelease.java says what).
set -euo pipefail
cd "$(dirname "$0")/.."
exec java scripts/CheckRelease.java .
