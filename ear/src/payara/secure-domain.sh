#!/usr/bin/env bash
# Creates (if missing) and hardens a Payara domain before it starts; used for the development domain (finagent run),
# the test domain (ear/pom.xml) and the Docker image.
#   secure-domain.sh PAYARA_HOME DOMAIN PASSWORD_FILE [PORTBASE]
# Without PORTBASE a new domain takes Payara's usual ports (admin 4848, HTTP 8080); with it, every port of the domain
# is counted from PORTBASE (admin +48, HTTP +80, message broker +76, data grid +900), which is how the cluster of
# cluster.sh keeps clear of a development or test domain on the same machine.
# PASSWORD_FILE holds AS_ADMIN_PASSWORD=...; a new domain gets that admin password (there is no password-less admin).
# The hardening edits the stopped domain's domain.xml, and running it again changes nothing:
#   - the admin listener (console and REST management API) and the JMX connector listen on the loopback interface
#     only, so the management API is not reachable from the network at all, and needs the password on this machine;
#   - responses carry neither a Server header nor X-Powered-By, which named the exact server and Java version;
#   - /metrics is for administrators only: Payara adds its metrics servlet to the application at the empty context
#     root, ours, so a scrape authenticates as any API call does (an administrator's bearer token, MicroProfile
#     JWT) and needs the role "admin"; Payara answers it over HTTPS only (plain HTTP is redirected to 8181).
#     Anonymous and non-admin requests get 401/403; before, anyone could read it;
#   - server.log is written in Payara's JSON format, one object per line, with our records' context fields (user,
#     debate, execution, agent, symbol, duration, trace id) as fields of their own (what set-log-file-format does);
#   - the HTTP listeners get up to 64 request threads instead of Payara's default of 5, with which a handful of slow
#     requests (sign-in hashing, calls to market data or an LLM) left every other request waiting in the queue;
#   - JSON-P's provider is named by a system property: without it every Json.createReader (MicroProfile JWT parses
#     each bearer token with one) searched the class path with a ServiceLoader, a quarter of the CPU under load;
#   - the EJB timer service keeps its (persistent) timers in the data grid, not in a database through the
#     ejb-timer-service-app that Payara otherwise deploys inside the first deployment with timers (ours has only
#     non-persistent ones): deployed that way by `asadmin deploy` on a freshly started domain, the timer app failed
#     to load and every later deployment was refused with "EJB Timer Service is not available".
set -euo pipefail

payara="$1" domain="$2" password_file="$3" portbase="${4:-}"
asadmin="$payara/bin/asadmin"
xml="$payara/glassfish/domains/$domain/config/domain.xml"

if [[ ! -f "$xml" ]]; then
  if [[ -n "$portbase" ]]; then
    ports=(--portbase "$portbase" --hazelcastdasport $((portbase + 900)) --hazelcaststartport $((portbase + 900)))
  else
    ports=(--adminport 4848 --instanceport 8080)
  fi
  "$asadmin" --user admin --passwordfile "$password_file" create-domain "${ports[@]}" "$domain" >/dev/null
fi

sed -i -E \
  -e '/<network-listener [^>]*name="admin-listener"/{/ address=/!s|<network-listener |<network-listener address="127.0.0.1" |}' \
  -e 's|<jmx-connector address="0.0.0.0"|<jmx-connector address="127.0.0.1"|' \
  -e '/<http [^>]*xpowered-by=/!s|<http |<http xpowered-by="false" server-header="false" |' \
  -e 's|<microprofile-metrics-configuration>|<microprofile-metrics-configuration security-enabled="true">|' \
  -e '/<microprofile-metrics-configuration /{/ roles=/!s|<microprofile-metrics-configuration |<microprofile-metrics-configuration roles="admin" |}' \
  -e '/<thread-pool [^>]*name="http-thread-pool"/{/max-thread-pool-size=/!s|<thread-pool |<thread-pool max-thread-pool-size="64" |}' \
  -e 's|<ejb-timer-service></ejb-timer-service>|<ejb-timer-service ejb-timer-service="DataGrid"></ejb-timer-service>|' \
  "$xml"
sed -i -E 's|^(com\.sun\.enterprise\.server\.logging\.GFFileHandler\.formatter=).*|\1fish.payara.enterprise.server.logging.JSONLogFormatter|' \
  "$(dirname "$xml")/logging.properties"
if ! grep -q -- '-Djakarta.json.provider=' "$xml"; then
  sed -i -E 's|^( *)</java-config>|\1  <jvm-options>-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl</jvm-options>\n&|' "$xml"
fi
