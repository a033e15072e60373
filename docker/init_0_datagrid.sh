# Sourced (not run) by the Payara image's entrypoint before the domain starts, so it neither exits nor sets shell
# options. With FINAGENT_DATAGRID_DISCOVERY=kubernetes the data grid (Hazelcast) finds its members through the
# Kubernetes API, as the endpoints of the headless Service FINAGENT_DATAGRID_SERVICE in FINAGENT_DATAGRID_NAMESPACE,
# instead of Payara's default discovery, which cannot see the other pods. The command goes into the post-boot command
# file (before the deployment that init_1 appends); --dynamic restarts the grid member at once in the new mode, before
# the application is deployed. Each instance here is the domain's own server, whose member listens on the DAS port.
if [ "${FINAGENT_DATAGRID_DISCOVERY:-}" = "kubernetes" ]; then
  if [ -z "${FINAGENT_DATAGRID_NAMESPACE:-}" ] || [ -z "${FINAGENT_DATAGRID_SERVICE:-}" ]; then
    echo "[finagent] FINAGENT_DATAGRID_DISCOVERY=kubernetes needs FINAGENT_DATAGRID_NAMESPACE and FINAGENT_DATAGRID_SERVICE" >&2
  elif ! grep -qs 'set-hazelcast-configuration' "${POSTBOOT_COMMANDS}"; then
    echo "[finagent] data grid: Kubernetes discovery through service ${FINAGENT_DATAGRID_SERVICE} in namespace ${FINAGENT_DATAGRID_NAMESPACE}"
    printf 'set-hazelcast-configuration --dynamic=true --clustermode=kubernetes --kubernetesNamespace=%s --kubernetesServicename=%s --dasport=%s\n' \
      "${FINAGENT_DATAGRID_NAMESPACE}" "${FINAGENT_DATAGRID_SERVICE}" "${FINAGENT_DATAGRID_PORT:-4900}" >> "${POSTBOOT_COMMANDS}"
  fi
fi
