import type { FastifyInstance } from "fastify";

/** One route as the router holds it: a method and its pattern, "POST /manage/editions/:id/items". */
export interface AppRoute {
  method: string;
  url: string;
}

/**
 * Every route of a built app, read from the router itself (so a new route is never left out), one
 * row per method; HEAD, which Fastify adds beside every GET, is left out.
 */
export function listRoutes(app: FastifyInstance): AppRoute[] {
  // printRoutes draws the router's radix tree; a route's path is its node's text after its parents'.
  const prefixes: string[] = [];
  const routes: AppRoute[] = [];
  for (const line of app.printRoutes().split("\n")) {
    const match = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const url = (depth > 0 ? prefixes[depth - 1] : "") + match[2]!;
    prefixes[depth] = url;
    prefixes.length = depth + 1;
    for (const method of (match[3] ?? "").split(", ")) {
      if (method && method !== "HEAD") routes.push({ method, url });
    }
  }
  return routes;
}
