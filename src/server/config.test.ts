import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig, perProcess } from './config.js';

const embedded = { TONGBAN_EMBEDDED_STORAGE: 'memory', TONGBAN_SECRET_KEY: 'a1'.repeat(32) };
const server = { ...embedded, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' };

describe('TONGBAN_WORKERS: server processes sharing the port', () => {
  it('defaults to one process, takes a count or auto (one per core) on PostgreSQL, and auto is one on the embedded database', () => {
    assert.equal(loadConfig(embedded).workers, 1);
    assert.equal(loadConfig(server).workers, 1);
    assert.equal(loadConfig({ ...server, TONGBAN_WORKERS: '3' }).workers, 3);
    assert.equal(loadConfig({ ...server, TONGBAN_WORKERS: 'auto' }).workers, availableParallelism());
    assert.equal(loadConfig({ ...embedded, TONGBAN_WORKERS: 'auto' }).workers, 1);
  });

  it('stops the start on a count the embedded database cannot serve or that is no count at all', () => {
    assert.throws(() => loadConfig({ ...embedded, TONGBAN_WORKERS: '2' }), (e: Error) => e instanceof ConfigError && /TONGBAN_WORKERS=2 needs a PostgreSQL server/.test(e.message));
    for (const bad of ['0', 'many', '1.5', '65']) {
      assert.throws(() => loadConfig({ ...server, TONGBAN_WORKERS: bad }), (e: Error) => e instanceof ConfigError && /\/workers/.test(e.message), bad);
    }
  });

  it('gives each process its share of a per-minute limit, rounded up and never below one', () => {
    assert.equal(perProcess({ workers: 1 }, 600), 600);
    assert.equal(perProcess({ workers: 2 }, 600), 300);
    assert.equal(perProcess({ workers: 3 }, 10), 4);
    assert.equal(perProcess({ workers: 8 }, 5), 1);
  });
});
