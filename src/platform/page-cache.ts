import type { FastifyInstance } from "fastify";
import type { ChangeFeed } from "./change-feed.ts";

interface Entry {
  at: number;
  body: string;
  headers: Record<string, string>;
}

const KEPT_HEADERS = [
  "content-type",
  "content-disposition",
  "cache-control",
  "vary",
  "access-control-allow-origin",
];
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Keeps anonymous, publicly cacheable answers (pages and API) in memory for a short time, so a
 * popular page is rendered once, not for every reader. Any successful change (a signed-in
 * user's POST that answers below 400) empties the cache at once; with `changes` (several instances
 * on one PostgreSQL database) it also tells the other instances, which empty theirs within moments.
 * Entries are keyed by path and query alone: nothing in an answer may come from the Host header
 * (absolute addresses come from WAYMARK_BASE_URL), so no request can poison another reader's copy.
 */
export function registerPageCache(
  app: FastifyInstance,
  options: { seconds: number; maxEntries?: number; changes?: ChangeFeed },
): void {
  if (options.seconds <= 0) return;
  const lifetime = options.seconds * 1000;
  const maxEntries = options.maxEntries ?? 1000;
  const entries = new Map<string, Entry>();
  options.changes?.subscribe(() => entries.clear());

  app.addHook("onRequest", async (request, reply) => {
    if (request.method !== "GET" || request.actor.kind !== "public") return;
    const entry = entries.get(request.url);
    if (!entry) return;
    if (Date.now() - entry.at > lifetime) {
      entries.delete(request.url);
      return;
    }
    reply.headers(entry.headers).header("x-waymark-cache", "hit");
    return reply.send(entry.body);
  });

  app.addHook("onSend", async (request, reply, payload) => {
    if (request.method !== "GET" || request.actor.kind !== "public" || reply.statusCode !== 200)
      return payload;
    if (typeof payload !== "string" || reply.getHeader("x-waymark-cache")) return payload;
    if (!/^public\b/.test(String(reply.getHeader("cache-control") ?? ""))) return payload;
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(request.url, { at: Date.now(), body: payload, headers });
    return payload;
  });

  app.addHook("onResponse", async (request, reply) => {
    // Only a signed-in user can change anything; anyone else's POST (a sign-in, a refused form)
    // must not be a way to make every page render again.
    if (UNSAFE.has(request.method) && request.actor.kind === "user" && reply.statusCode < 400) {
      entries.clear();
      // onResponse runs after the handler's transaction has committed, so other instances that
      // hear this and render the page again read the change.
      await options.changes?.announce();
    }
  });
}
