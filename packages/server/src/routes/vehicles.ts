/**
 * Vehicles heard over live MAVLink.
 *
 *   GET /api/vehicles   each vehicle's last position and live sortie, and each
 *                       sending endpoint's decoder counts (packets, CRC
 *                       errors, bytes dropped while resynchronising)
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Platform } from '../platform.js';

export const vehicleRoutes: FastifyPluginAsync<{ platform: Platform }> = async (app, { platform: p }) => {
  app.get('/vehicles', async () => ({
    listening: p.mavlink !== undefined,
    vehicles: p.mavlink?.vehicleStatus() ?? [],
    endpoints: p.mavlink?.endpointStatus() ?? [],
  }));
};
