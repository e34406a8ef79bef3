// Demo city seeding: idempotent, run on start in demo mode or by `npm run seed:demo`.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Database } from '../client.js';

export const DEMO_PASSWORD = 'Tongban@2026';

export function demoAccountList(): { username: string; description: string }[] {
  return [];
}

export async function seedDemo(_db: Database, _config: Config, _log: FastifyBaseLogger): Promise<void> {}
