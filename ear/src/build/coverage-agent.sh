#!/usr/bin/env bash
# Adds JaCoCo's agent to the test domain's JVM options (once), recording our classes into a fresh file.
#   coverage-agent.sh DOMAIN_XML AGENT_JAR EXEC_FILE
set -euo pipefail
xml="$1" agent="$2" exec_file="$3"
rm -f "$exec_file"
if ! grep -q -- '-javaagent:[^<]*jacocoagent' "$xml"; then
  option="-javaagent:$agent=destfile=$exec_file,append=true,includes=com.finagent.*"
  sed -i -E "0,/^( *)<\/java-config>/s||\1  <jvm-options>${option//|/\\|}</jvm-options>\n&|" "$xml"
fi
