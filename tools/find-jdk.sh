# SPDX-License-Identifier: Apache-2.0
# Copyright 2026 the asyncio4j authors
# Sourced by the project's scripts: finds a JDK 25 or newer and exports JAVA_HOME;
# require_maven checks for Maven where a script builds.
# Order: $JAVA_HOME, then the usual install locations. Stops with a clear message if none fits.

jdk_major() { # prints the feature version of the JDK at $1, or nothing
  local rel="$1/release"
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$rel" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel"
  else
    "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
  fi
}

find_jdk25() {
  local candidates=() dir v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for dir in /usr/lib/jvm/* /usr/local/lib/jvm/* /opt/java/* /opt/jdk* /opt/*jdk* \
             "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$dir" ] && candidates+=("$dir")
  done
  for dir in "${candidates[@]}"; do
    v=$(jdk_major "$dir")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME=$(find_jdk25); then
  cat >&2 <<'MSG'
asyncio4j needs a JDK 25 or newer, and none was found.
Looked at $JAVA_HOME, /usr/lib/jvm/*, /usr/local/lib/jvm/*, /opt/*jdk*, ~/.sdkman and ~/.jdks.
Install one (for example Eclipse Temurin 25: https://adoptium.net, or `apt-get install temurin-25-jdk`
from the Adoptium repository) and/or point JAVA_HOME at it, then run this command again.
MSG
  exit 1
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"

# Call before building: stops with a clear message when Maven is missing.
require_maven() {
  if ! command -v mvn >/dev/null 2>&1; then
    echo "asyncio4j builds with Apache Maven 3.8 or newer, and 'mvn' is not on the PATH: install it (apt-get install maven)." >&2
    exit 1
  fi
}
