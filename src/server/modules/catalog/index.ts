// Catalogue: service items, themes, departments, regions. Public face for other modules.
import type { FastifyInstance } from 'fastify';

export async function catalogRoutes(_app: FastifyInstance) {}
