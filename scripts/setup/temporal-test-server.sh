#!/usr/bin/env bash
# Temporal's Java test server (time skipping) from Maven Central, behind a wrapper that execs java:
# the SDK passes the port as the only argument and kills the process it started.
# A class-data-sharing archive keeps JVM start well inside the SDK's 5-second limit on 2 cores.
set -euo pipefail
source scripts/lib/tools.sh
step "Temporal Java test server $TEMPORAL_TEST_SERVER_VERSION"
home=$(dirname "$CASEFLOW_TEST_SERVER")
lib="$home/lib"
cds="$home/app-cds.jsa"
if [ -x "$CASEFLOW_TEST_SERVER" ] && [ -f "$cds" ] && [ -f "$lib/temporal-test-server-$TEMPORAL_TEST_SERVER_VERSION.jar" ]; then
  echo "wrapper at $CASEFLOW_TEST_SERVER: skipped"
  exit 0
fi
have java || { echo "java is required (apt-get install openjdk-17-jre-headless)" >&2; exit 1; }
have mvn || { echo "maven is required (apt-get install maven)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>caseflow</groupId><artifactId>temporal-test-server-fetch</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies><dependency>
    <groupId>io.temporal</groupId><artifactId>temporal-test-server</artifactId>
    <version>$TEMPORAL_TEST_SERVER_VERSION</version>
  </dependency></dependencies>
</project>
POM
rm -rf "$lib"
mkdir -p "$lib"
(cd "$work" && mvn -q -B dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$lib")
classpath=$(find "$lib" -name '*.jar' | sort | tr '\n' ':')

echo "recording a class-data-sharing archive..."
rm -f "$cds"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
java -XX:ArchiveClassesAtExit="$cds" -cp "$classpath" io.temporal.testserver.TestServer "$port" >"$work/cds.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.1; done
sleep 1
kill "$pid"; wait "$pid" || true
[ -f "$cds" ] || { echo "CDS archive was not written; see $work/cds.log" >&2; cat "$work/cds.log" >&2; exit 1; }

cat > "$CASEFLOW_TEST_SERVER" <<WRAPPER
#!/bin/sh
exec java -XX:SharedArchiveFile="$cds" -Xshare:auto -XX:TieredStopAtLevel=1 -cp "$classpath" io.temporal.testserver.TestServer "\$@"
WRAPPER
chmod +x "$CASEFLOW_TEST_SERVER"
echo "wrapper written: $CASEFLOW_TEST_SERVER"
