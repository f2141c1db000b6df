'use strict';

const {
  INGRESS_CONTROLLER_NAMESPACE,
  MONITORING_NAMESPACE,
  NATS_POD_LABELS,
  SERVICES,
  INGRESS_PATHS,
} = require('./settings');
const { labels, metadata, MIGRATION_JOB } = require('./workloads');

const tcp = (port) => ({ port, protocol: 'TCP' });
const fromNamespace = (namespace) => ({
  namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
});

/**
 * Deny everything, then allow per pod only what it needs: DNS; NATS (every service); PostgreSQL (services
 * with a database, and the migration Job); the service's own outbound connections; Prometheus scraping every
 * port; the ingress controller reaching the two public services. Services never call one another over HTTP.
 */
function networkPolicies(ports) {
  const policy = (name, podSelector, rules) => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: metadata(name),
    spec: {
      podSelector,
      // A policy restricts the directions it names; the default deny names both.
      policyTypes: rules.ingress || !rules.egress ? ['Ingress', 'Egress'] : ['Egress'],
      ...rules,
    },
  });
  const dns = {
    to: [{ ...fromNamespace('kube-system'), podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } } }],
    ports: [{ port: 53, protocol: 'UDP' }, tcp(53)],
  };
  const nats = {
    to: [{ namespaceSelector: {}, podSelector: { matchLabels: NATS_POD_LABELS } }],
    ports: [tcp(4222)],
  };
  // PostgreSQL is external (a managed service or an operator's cluster): narrow `to` in an overlay.
  const postgres = { ports: [tcp(5432)] };
  const publicServices = new Set(INGRESS_PATHS.map((path) => path.service));
  return [
    policy('default-deny', {}, {}),
    policy('allow-dns', {}, { egress: [dns] }),
    ...Object.entries(SERVICES).map(([name, service]) =>
      policy(
        name,
        { matchLabels: labels(name) },
        {
          ingress: [
            {
              from: [
                fromNamespace(MONITORING_NAMESPACE),
                ...(publicServices.has(name) ? [fromNamespace(INGRESS_CONTROLLER_NAMESPACE)] : []),
              ],
              ports: [tcp(ports[name])],
            },
          ],
          egress: [
            nats,
            ...(service.database === false ? [] : [postgres]),
            ...(service.egress ? [{ ports: service.egress }] : []),
          ],
        },
      ),
    ),
    policy(MIGRATION_JOB, { matchLabels: labels(MIGRATION_JOB) }, { egress: [postgres] }),
  ];
}

module.exports = { networkPolicies };
