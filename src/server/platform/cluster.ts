// Several server processes on one port (node:cluster, PostgreSQL only; ADR 0017). The primary
// prepares the database once, forks the workers, starts another when one dies, and on SIGTERM or
// SIGINT lets every worker drain before it exits itself.
import cluster, { type Worker } from 'node:cluster';

export interface PrimaryOptions {
  workers: number;
  /** what each worker needs that only the primary knows (e.g. a secret key it generated) */
  env: Record<string, string>;
  /** run once before any worker starts: migrations and seeds, so workers do not race on them */
  prepare(): Promise<void>;
  /** every worker of the first round listens on this port */
  onListening(port: number): void;
  log(message: string): void;
  /** a worker that does not exit this long after SIGTERM is killed */
  drainMs?: number;
}

/** Restarts allowed within RESTART_WINDOW_MS before the primary gives up (a worker that cannot start). */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 60_000;

/** The primary's part. Resolves with the exit code once every worker has gone. */
export function runPrimary(o: PrimaryOptions): Promise<number> {
  return new Promise((resolve, reject) => {
    let stopping = false;
    let failed = false;
    let listening = 0;
    const restarts: number[] = [];
    const fork = () => cluster.fork(o.env);

    const stop = (code: number) => {
      if (stopping) return;
      stopping = true;
      failed ||= code !== 0;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
      if (!workers.length) resolve(failed ? 1 : 0);
      const killer = setTimeout(() => {
        for (const w of workers) if (!w.isDead()) w.process.kill('SIGKILL');
      }, o.drainMs ?? 15_000);
      killer.unref();
      for (const w of workers) w.process.kill('SIGTERM');
    };

    cluster.on('message', (worker, m: unknown) => relayGather(worker, m));
    cluster.on('listening', (_worker, address) => {
      if (++listening === o.workers) o.onListening(address.port);
    });
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) {
        if (code !== 0) failed = true;
        if (!Object.values(cluster.workers ?? {}).some((w) => w && !w.isDead())) resolve(failed ? 1 : 0);
        return;
      }
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && restarts[0] < now - RESTART_WINDOW_MS) restarts.shift();
      o.log(`worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); ${restarts.length > MAX_RESTARTS ? 'it keeps failing: stopping' : 'starting another'}`);
      if (restarts.length > MAX_RESTARTS) stop(1);
      else setTimeout(() => { if (!stopping) fork(); }, 250); // not unref'd: it may be the last thing keeping the primary alive
    });
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => stop(0));

    o.prepare().then(() => {
      for (let i = 0; i < o.workers; i++) fork();
    }, reject);
  });
}

export const isClusterWorker = () => cluster.isWorker;

// Gathering from every worker (e.g. /metrics for the whole server): a worker asks the primary,
// which asks every live worker, and hands the asker their answers once all replied or time ran out.
interface GatherAsk { type: 'tongban:gather'; topic: string; id: number }
interface GatherPart { type: 'tongban:gather:part'; id: number; part: unknown }
const GATHER_MS = 2_000;
let gatherSeq = 0;

function relayGather(asker: Worker, m: unknown) {
  const ask = m as GatherAsk;
  if (ask?.type !== 'tongban:gather') return;
  const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead() && w.isConnected());
  const id = ++gatherSeq;
  const parts: unknown[] = [];
  const done = () => {
    clearTimeout(timer);
    for (const w of workers) w.off('message', onPart);
    if (asker.isConnected()) asker.send({ type: 'tongban:gather:all', topic: ask.topic, id: ask.id, parts });
  };
  const onPart = (p: GatherPart) => {
    if (p?.type !== 'tongban:gather:part' || p.id !== id) return;
    parts.push(p.part);
    if (parts.length === workers.length) done();
  };
  const timer = setTimeout(done, GATHER_MS);
  for (const w of workers) {
    w.on('message', onPart);
    w.send({ type: 'tongban:gather:collect', topic: ask.topic, id });
  }
}

/**
 * In a worker: answer the primary's collections of `topic` with `collect()`, and `gather()` the
 * answers of every worker (this one included), or null when the primary does not answer; the
 * gatherer itself is null outside a cluster. `stop` ends the answering.
 */
export function gatherer<T>(topic: string, collect: () => Promise<T>): { gather(): Promise<T[] | null>; stop(): void } | null {
  if (!cluster.isWorker) return null;
  let seq = 0;
  const waiting = new Map<number, (parts: T[] | null) => void>();
  const onMessage = (m: { type?: string; topic?: string; id: number; parts?: T[] }) => {
    if (m?.topic !== topic) return;
    if (m.type === 'tongban:gather:collect') {
      void collect().then((part) => process.send?.({ type: 'tongban:gather:part', id: m.id, part }), () => process.send?.({ type: 'tongban:gather:part', id: m.id, part: null }));
    } else if (m.type === 'tongban:gather:all') {
      waiting.get(m.id)?.(m.parts ?? []);
    }
  };
  process.on('message', onMessage);
  return {
    gather: () => new Promise<T[] | null>((resolve) => {
      const id = ++seq;
      const timer = setTimeout(() => finish(null), GATHER_MS + 1_000);
      const finish = (parts: T[] | null) => {
        clearTimeout(timer);
        waiting.delete(id);
        resolve(parts);
      };
      waiting.set(id, finish);
      process.send!({ type: 'tongban:gather', topic, id });
    }),
    stop: () => process.off('message', onMessage),
  };
}
