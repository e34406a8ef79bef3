// Prometheus metrics at /metrics: process defaults plus request counts and latency per route.
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { AggregatorRegistry, Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { gatherer } from './cluster.js';
import { outboxStats } from './outbox.js';

export const metricsPlatform = fp(async (app: FastifyInstance) => {
  const register = new Registry();
  collectDefaultMetrics({ register });
  const duration = new Histogram({
    name: 'http_request_duration_seconds', help: 'HTTP request latency', registers: [register],
    labelNames: ['method', 'route', 'status'], buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  });
  const total = new Counter({ name: 'http_requests_total', help: 'HTTP requests', labelNames: ['method', 'route', 'status'], registers: [register] });
  // the outbox backlog is what to alert on when notifications or exchange calls fall behind
  // one query per scrape fills both gauges; the first one registered is collected first
  // (every server process reads the same table: one answer stands for all, aggregator 'first')
  const oldestDue = new Gauge({ name: 'outbox_oldest_due_seconds', help: 'Seconds the oldest due outbox row has waited', registers: [], aggregator: 'first' });
  new Gauge({
    name: 'outbox_rows', help: 'Outbox rows by state', labelNames: ['state'], registers: [register], aggregator: 'first',
    async collect() {
      const stats = await outboxStats(app.db.orm);
      for (const state of ['pending', 'due', 'running', 'dead'] as const) this.set({ state }, stats[state]);
      oldestDue.set(stats.oldestDueSeconds);
    },
  });
  register.registerMetric(oldestDue);
  app.addHook('onResponse', async (request, reply) => {
    const labels = { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) };
    total.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });
  // several server processes (ADR 0017): any of them answers for all, counters and histograms summed
  const others = gatherer('metrics', () => register.getMetricsAsJSON());
  app.addHook('onClose', async () => others?.stop());
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    reply.type(register.contentType);
    const parts = await others?.gather();
    if (!parts?.length) return register.metrics();
    return AggregatorRegistry.aggregate(parts.filter((p) => p !== null)).metrics();
  });
});
