import type { FastifyInstance } from "fastify";
import { parseHTML } from "linkedom";
import type { Session } from "./http.ts";
import type { RouteSamples } from "./route-samples.ts";
import type { AppRoute } from "./routes.ts";

// The forms the app's pages offer, found by reading every page the router serves (as someone who
// may see every form), so that a test can post to each POST route with the fields its real form
// has: a new form is found without a line added to any test.

/** One form as a page offers it: where it posts, how, and its fields with the values it shows. */
export interface FoundForm {
  /** The concrete address it posts to, "/manage/editions/7/items". */
  action: string;
  multipart: boolean;
  /** Every named field but the CSRF token, with the value the page filled in (repeats kept). */
  fields: Array<[string, string]>;
  /** The names of its file inputs. */
  files: string[];
}

/** A route's pattern as a regular expression over concrete addresses. */
function patternOf(url: string): RegExp {
  const escaped = url.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/:\w+/g, "[^/]+");
  return new RegExp(`^${escaped}$`);
}

function formsIn(body: string): FoundForm[] {
  const { document } = parseHTML(body);
  const found: FoundForm[] = [];
  for (const form of document.querySelectorAll("form")) {
    if ((form.getAttribute("method") ?? "get").toLowerCase() !== "post") continue;
    const action = form.getAttribute("action");
    if (!action?.startsWith("/")) continue;
    const fields: Array<[string, string]> = [];
    const files: string[] = [];
    const chosen = new Set<string>();
    for (const element of form.querySelectorAll("input, select, textarea")) {
      const name = element.getAttribute("name");
      if (!name || name === "_csrf") continue;
      const tag = element.tagName.toLowerCase();
      const type = (element.getAttribute("type") ?? "text").toLowerCase();
      if (tag === "input" && type === "file") files.push(name);
      else if (tag === "input" && (type === "checkbox" || type === "radio")) {
        // A radio group sends one value: the checked one, else its first.
        if (type === "radio" && chosen.has(name)) continue;
        if (type === "radio" || element.hasAttribute("checked")) {
          fields.push([name, element.getAttribute("value") ?? "on"]);
          chosen.add(name);
        }
      } else if (tag === "select") {
        const option = element.querySelector("option[selected]") ?? element.querySelector("option");
        fields.push([name, option?.getAttribute("value") ?? option?.textContent ?? ""]);
      } else if (tag === "textarea") fields.push([name, element.textContent ?? ""]);
      else if (type !== "submit" && type !== "button")
        fields.push([name, element.getAttribute("value") ?? ""]);
    }
    found.push({
      action: action.split("#")[0]!.split("?")[0]!,
      multipart: (form.getAttribute("enctype") ?? "").toLowerCase() === "multipart/form-data",
      fields,
      files,
    });
  }
  return found;
}

/** The app's own addresses a page links to, without query or fragment. */
function linksIn(body: string): string[] {
  return [...body.matchAll(/href="(\/[^"#?]*)/g)].map((m) => m[1]!).filter((href) => !href.startsWith("//"));
}

/**
 * For each POST route, the first form that posts to it on a page the app serves to `session`.
 * Pages are read from every GET route (parameters filled from `samples`), then from the links
 * those pages give, at most `perRoute` addresses of each GET route, so forms that only a real
 * record's page shows (a draft edition, an agenda item) are found too. Routes no page offers a
 * form for are left out of the map.
 */
export async function discoverForms(
  app: FastifyInstance,
  session: Session,
  routes: readonly AppRoute[],
  samples: RouteSamples,
  perRoute = 2,
): Promise<Map<string, FoundForm>> {
  const params = (url: string) => (url.match(/:/g) ?? []).length;
  const specificFirst = (a: AppRoute, b: AppRoute) => params(a.url) - params(b.url);
  const posts = routes.filter((r) => r.method === "POST" && !r.url.startsWith("/api/")).sort(specificFirst);
  const pages = routes
    .filter((r) => r.method === "GET" && !r.url.startsWith("/api/") && !r.url.startsWith("/assets"))
    .sort(specificFirst)
    .map((route) => ({ route, pattern: patternOf(route.url), visits: 0 }));
  const found = new Map<string, FoundForm>();
  const seen = new Set<string>();
  const queue = pages.map((p) => samples.fill(p.route.url));
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const page = pages.find((p) => p.pattern.test(url));
    if (!page || page.visits >= perRoute || url === "/sign-out") continue;
    page.visits++;
    const response = await app.inject({ method: "GET", url, headers: { cookie: session.cookie } });
    if (response.statusCode !== 200 || !String(response.headers["content-type"]).startsWith("text/html"))
      continue;
    for (const form of formsIn(response.body)) {
      // The most specific route that takes the address: "/manage/editions/new" before ":id".
      const post = posts.find((p) => patternOf(p.url).test(form.action));
      if (post && !found.has(post.url)) found.set(post.url, form);
    }
    queue.push(...linksIn(response.body).filter((link) => !seen.has(link)));
  }
  return found;
}
