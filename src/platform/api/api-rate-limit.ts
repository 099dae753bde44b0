import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { DomainError } from "../errors.ts";

/**
 * A generous limit on the API: `perMinute` requests a minute for each API token (a script), or
 * for each client address otherwise. Over it, the answer is 429 with the usual JSON error and a
 * Retry-After header. Counts are kept in memory, per app instance. Register inside the API's
 * own context, so that pages are not counted.
 */
export async function registerApiRateLimit(
  api: FastifyInstance,
  perMinute: number | undefined,
): Promise<void> {
  if (!perMinute) return;
  await api.register(rateLimit, {
    max: perMinute,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) =>
      request.viaToken && request.actor.kind === "user" ? `user:${request.actor.id}` : `ip:${request.ip}`,
    errorResponseBuilder: (_request, context) =>
      new DomainError(
        "rate_limited",
        429,
        `Too many requests: at most ${context.max} a minute. Try again in ${context.after}.`,
      ),
  });
}
