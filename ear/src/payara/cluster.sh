#!/usr/bin/env bash
# A Payara deployment group of N instances on this machine behind nginx: what `finagent run --instances N` starts,
# and what the cluster test (ClusterIT) starts on ports of its own.
#   cluster.sh start PAYARA_HOME DOMAIN PASSWORD_FILE PORTBASE INSTANCES LB_PORT STATE_DIR EAR DOMAIN_LIB
#   cluster.sh stop  PAYARA_HOME DOMAIN PASSWORD_FILE PORTBASE STATE_DIR
#   cluster.sh kill  PAYARA_HOME DOMAIN INSTANCE                 (kill -9 one instance's JVM, for failure tests)
#
# What it builds, all with Payara's own means:
#   - the domain's admin server (DAS) on PORTBASE's ports (admin PORTBASE+48); it runs Payara's built-in message
#     broker (OpenMQ, started with the DAS instead of lazily, port PORTBASE+76) and is a member of the data grid;
#   - the deployment group "finagent" with instances finagent-1..N on the DAS's node, sharing one configuration
#     ("finagent-config") whose message service is the DAS's broker (type REMOTE), so a topic published on one
#     instance reaches the subscribers of all; instance i's HTTP port is PORTBASE+100*i+80;
#   - the data grid (Hazelcast) of the domain: the instances find each other through the DAS (domain discovery)
#     and share JCache (quotes, history, rate-limit buckets);
#   - the EAR deployed to the group; the API keeps no web session (bearer tokens), and the one session there is,
#     the single sign-on redirect's, stays on one instance because nginx sends a client's /sso/ requests to the same
#     instance;
#   - nginx (Debian's package, installed if missing) on LB_PORT: round robin over the instances, WebSocket upgrades
#     passed through, the client's address in X-Forwarded-For, a failed instance skipped (a request that fails
#     before its response started is tried on the next instance only when it is idempotent).
# The instances inherit the environment of the DAS (the database, Plaid and model settings), as `finagent run` sets
# it before this runs.
set -euo pipefail

GROUP=finagent
CONFIG=finagent-config

die() { printf '\033[31m[cluster]\033[0m %s\n' "$*" >&2; exit 1; }
log() { printf '\033[1m[cluster %s]\033[0m %s\n' "$(date +%T)" "$*"; }

instance_http_port() { echo $(($1 + 100 * $2 + 80)); }

asadmin_of() {
  local payara="$1" password_file="$2" portbase="$3"; shift 3
  "$payara/bin/asadmin" --user admin --passwordfile "$password_file" --port $((portbase + 48)) --interactive=false "$@"
}

wait_http() {
  local url="$1" seconds="$2"
  for _ in $(seq 1 "$seconds"); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$url")" == 200 ]] && return 0
    sleep 1
  done
  return 1
}

install_nginx() {
  command -v nginx >/dev/null && return
  log "installing Debian's nginx"
  if [[ "$(id -u)" == 0 ]]; then apt-get update -qq && apt-get install -y -qq nginx >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq nginx >/dev/null; fi
}

write_nginx_conf() {
  local state="$1" portbase="$2" instances="$3" lb_port="$4" servers="" i
  for i in $(seq 1 "$instances"); do
    servers+="        server 127.0.0.1:$(instance_http_port "$portbase" "$i") max_fails=1 fail_timeout=5s;"$'\n'
  done
  mkdir -p "$state/nginx/temp"
  chmod 777 "$state/nginx/temp"
  cat >"$state/nginx/nginx.conf" <<EOF
# Written by cluster.sh; the load balancer in front of the deployment group "$GROUP".
worker_processes auto;
pid $state/nginx/nginx.pid;
error_log $state/nginx/error.log warn;
events { worker_connections 4096; }
http {
    # When each request ended, how long it took, and which instances answered it (several when one failed).
    log_format upstreams '\$msec \$request_time \$status "\$upstream_addr" "\$upstream_status" \$request_method';
    access_log $state/nginx/access.log upstreams buffer=64k flush=1s;
    client_body_temp_path $state/nginx/temp/body;
    proxy_temp_path $state/nginx/temp/proxy;
    fastcgi_temp_path $state/nginx/temp/fastcgi;
    uwsgi_temp_path $state/nginx/temp/uwsgi;
    scgi_temp_path $state/nginx/temp/scgi;
    client_max_body_size 2m;
    map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }
    upstream finagent {
$servers        keepalive 64;
    }
    # The single sign-on redirect keeps its state (nonce, original request) in a web session: a browser's
    # redirect and callback go to the same instance (the session is also kept in the data grid).
    upstream finagent_sso {
        hash \$remote_addr consistent;
$servers    }
    server {
        listen $lb_port;
        proxy_http_version 1.1;
        proxy_set_header Host \$http_host;
        proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
        proxy_set_header X-Forwarded-Proto \$scheme;
        proxy_next_upstream error timeout http_502 http_503;
        proxy_connect_timeout 2s;
        proxy_read_timeout 300s;
        location /sso/ {
            proxy_pass http://finagent_sso;
        }
        location / {
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \$connection_upgrade;
            proxy_pass http://finagent;
        }
    }
}
EOF
}

start_nginx() {
  local state="$1"
  stop_nginx "$state"
  nginx -t -q -c "$state/nginx/nginx.conf" -p "$state/nginx" 2>"$state/nginx/check.log" \
    || die "nginx refused its configuration: $(cat "$state/nginx/check.log")"
  nginx -c "$state/nginx/nginx.conf" -p "$state/nginx"
}

stop_nginx() {
  local state="$1" pid
  if [[ -f "$state/nginx/nginx.pid" ]]; then
    pid="$(cat "$state/nginx/nginx.pid")"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    rm -f "$state/nginx/nginx.pid"
  fi
}

start() {
  local payara="$1" domain="$2" password_file="$3" portbase="$4" instances="$5" lb_port="$6" state="$7" ear="$8"
  local domain_lib="$9"
  local node="localhost-$domain" i
  [[ "$instances" =~ ^[1-9][0-9]?$ ]] || die "the number of instances must be 1 to 99, not '$instances'"
  mkdir -p "$state"
  install_nginx
  "$(dirname "${BASH_SOURCE[0]}")/secure-domain.sh" "$payara" "$domain" "$password_file" "$portbase"
  # Payara's broker on the DAS starts with the DAS: the instances connect to it, and would find nothing there if it
  # waited for a first local use, which never comes on an admin server that runs no application.
  sed -i -E '/<config name="server-config"/,/<\/config>/s|(<jms-host [^>]*)lazy-init="true"|\1lazy-init="false"|' \
    "$payara/glassfish/domains/$domain/config/domain.xml"
  # The embedding model's native runtimes belong to the JVM, not the EAR (see finagent's install_domain_lib); the
  # domain's lib is copied to each instance when it starts.
  rm -f "$payara/glassfish/domains/$domain/lib/"*.jar
  cp "$domain_lib/"*.jar "$payara/glassfish/domains/$domain/lib/"
  # The instances' extra JVM options (below) go to the admin server too, into its stopped domain's domain.xml (its
  # configuration is the first in the file).
  local xml="$payara/glassfish/domains/$domain/config/domain.xml" option escaped
  for option in ${FINAGENT_CLUSTER_JVM_OPTIONS:-}; do
    if ! sed -n '/<config name="server-config"/,/<\/config>/p' "$xml" | grep -qF -- "<jvm-options>$option</jvm-options>"; then
      escaped="${option//\\/\\\\}" escaped="${escaped//|/\\|}" escaped="${escaped//&/\\&}"
      sed -i -E "0,/^( *)<\/java-config>/s||\1  <jvm-options>$escaped</jvm-options>\n&|" "$xml"
    fi
  done
  log "starting the admin server of '$domain' (admin port $((portbase + 48)))"
  "$payara/bin/asadmin" --user admin --passwordfile "$password_file" start-domain "$domain" >/dev/null
  local as=(asadmin_of "$payara" "$password_file" "$portbase")
  if ! "${as[@]}" list-configs | grep -qx "$CONFIG"; then
    "${as[@]}" copy-config default-config "$CONFIG" >/dev/null
    "${as[@]}" set "configs.config.$CONFIG.jms-service.type=REMOTE" >/dev/null
    "${as[@]}" set "configs.config.$CONFIG.jms-service.jms-host.default_JMS_host.port=$((portbase + 76))" >/dev/null
    "${as[@]}" set "configs.config.$CONFIG.jms-service.jms-host.default_JMS_host.lazy-init=false" >/dev/null
    # Timers in the data grid, as on a single server (secure-domain.sh): an instance otherwise keeps them in an
    # embedded H2 database it never creates, and the deployment fails.
    "${as[@]}" set "configs.config.$CONFIG.ejb-container.ejb-timer-service.ejb-timer-service=DataGrid" >/dev/null
    "${as[@]}" delete-jvm-options --target "$CONFIG" -Xmx512m >/dev/null
    "${as[@]}" create-jvm-options --target "$CONFIG" -Xmx1g >/dev/null
    # More JVM options for the instances, space separated, when the group's configuration is made: the test run
    # starts its instances with the C1 compiler alone, as two of them boot at once on two cores. A colon separates
    # options for create-jvm-options, so one inside an option is escaped.
    for option in ${FINAGENT_CLUSTER_JVM_OPTIONS:-}; do
      "${as[@]}" create-jvm-options --target "$CONFIG" "${option//:/\\:}" >/dev/null
    done
  fi
  "${as[@]}" list-deployment-groups 2>/dev/null | awk '{print $1}' | grep -qx "$GROUP" \
    || "${as[@]}" create-deployment-group "$GROUP" >/dev/null
  for i in $(seq 1 "$instances"); do
    if ! "${as[@]}" list-instances 2>/dev/null | grep -q "^$GROUP-$i "; then
      "${as[@]}" create-instance --node "$node" --config "$CONFIG" --portbase $((portbase + 100 * i)) \
        --checkports=false "$GROUP-$i" >/dev/null
      "${as[@]}" add-instance-to-deployment-group --instance "$GROUP-$i" --deploymentgroup "$GROUP" >/dev/null
    fi
  done
  # Deployed while the instances are stopped, the application is loaded by each as it starts: one start instead of
  # a start and then a deployment to every instance.
  log "deploying $ear to the deployment group"
  "${as[@]}" undeploy --target domain finagent >/dev/null 2>&1 || true
  "${as[@]}" deploy --force=true --name finagent --contextroot / --target "$GROUP" "$ear" >/dev/null
  log "starting $instances instances"
  "${as[@]}" start-deployment-group "$GROUP" >/dev/null
  for i in $(seq 1 "$instances"); do
    wait_http "http://127.0.0.1:$(instance_http_port "$portbase" "$i")/health/ready" 120 \
      || die "instance $GROUP-$i did not become ready: see $payara/glassfish/nodes/$node/$GROUP-$i/logs/server.log"
  done
  write_nginx_conf "$state" "$portbase" "$instances" "$lb_port"
  start_nginx "$state"
  wait_http "http://127.0.0.1:$lb_port/health/ready" 30 || die "nginx does not reach the instances: see $state/nginx/error.log"
  log "$instances instances ready behind nginx on port $lb_port"
}

stop() {
  local payara="$1" domain="$2" password_file="$3" portbase="$4" state="$5" pid
  stop_nginx "$state"
  # Each instance's JVM shuts down cleanly on SIGTERM; stop-deployment-group would wait minutes for an instance that
  # was killed.
  local instances="com.sun.aas.instanceRoot=$payara/glassfish/nodes/localhost-$domain/"
  pkill -TERM -f "$instances" 2>/dev/null || true
  for _ in $(seq 1 60); do pgrep -f "$instances" >/dev/null || break; sleep 0.5; done
  pkill -KILL -f "$instances" 2>/dev/null || true
  if "$payara/bin/asadmin" list-domains 2>/dev/null | grep -q "^$domain running"; then
    "$payara/bin/asadmin" --user admin --passwordfile "$password_file" stop-domain "$domain" >/dev/null
  fi
}

kill_instance() {
  local payara="$1" domain="$2" instance="$3"
  pkill -9 -f "com.sun.aas.instanceRoot=$payara/glassfish/nodes/localhost-$domain/$instance( |$)" \
    || die "no JVM of $instance is running"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  kill) shift; kill_instance "$@" ;;
  *) echo "usage: $0 start|stop|kill ..." >&2; exit 2 ;;
esac
