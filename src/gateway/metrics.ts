import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of the gateway (its own registry, served on the gateway port). */
export function createGatewayMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'simpul_gateway_' });
  return {
    registry,
    requests: new Counter({
      name: 'simpul_gateway_requests_total',
      help: 'Exchanges by API and status',
      labelNames: ['api', 'status'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'simpul_gateway_request_duration_seconds',
      help: 'Time from request to answer, including the durable exchange record',
      labelNames: ['api'],
      buckets: [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    upstreamErrors: new Counter({
      name: 'simpul_gateway_upstream_errors_total',
      help: 'Upstream failures by API and kind (timeout, connect, circuit_open)',
      labelNames: ['api', 'kind'],
      registers: [registry],
    }),
    logFlushRecords: new Histogram({
      name: 'simpul_gateway_exchange_log_batch_records',
      help: 'Records per fdatasync of the local exchange journal (group commit)',
      buckets: [1, 2, 5, 10, 25, 50, 100, 250, 512, 1024],
      registers: [registry],
    }),
    logSpooled: new Counter({
      name: 'simpul_gateway_exchange_log_spooled_total',
      help: 'Records made durable in the local exchange journal (gateway-spool/)',
      registers: [registry],
    }),
    logShipped: new Counter({
      name: 'simpul_gateway_exchange_log_shipped_total',
      help: 'Journal records committed to exchange_records by this node',
      registers: [registry],
    }),
    spoolFiles: new Gauge({
      name: 'simpul_gateway_exchange_log_spool_files',
      help: 'Journal files holding records not yet in the database',
      registers: [registry],
    }),
    circuitOpen: new Gauge({
      name: 'simpul_gateway_upstream_circuit_open',
      help: '1 when the circuit of an upstream is open',
      labelNames: ['upstream'],
      registers: [registry],
    }),
    configVersion: new Gauge({
      name: 'simpul_gateway_config_version',
      help: 'Version of the configuration snapshot in use',
      registers: [registry],
    }),
  };
}

export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;
