import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { publicCacheHeaders, sendPublicPage } from "../../platform/http-pages.ts";
import { accessibilityView, type SiteFacts } from "./views/accessibility.view.ts";
import { cookiesView } from "./views/cookies.view.ts";
import { feedbackView } from "./views/feedback.view.ts";
import { privacyView } from "./views/privacy.view.ts";

const PUBLIC_FILES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../public");

/** Addresses that are for signing in or for the people running the programme: no use to a search engine. */
const NOT_FOR_SEARCH = [
  "/manage",
  "/admin",
  "/account",
  "/sign-in",
  "/sign-out",
  "/progress",
  "/api/v1/admin",
];

/** The pages every public-sector site has: accessibility, privacy, cookies, feedback; and robots.txt. */
export function siteInformationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const facts: SiteFacts = {
    baseUrl: deps.config.baseUrl,
    contactEmail: deps.config.contactEmail,
    operator: deps.config.operator,
  };
  const pages = [
    {
      url: "/accessibility",
      title: "Accessibility statement",
      description:
        "How accessible Waymark is, what we know is not, and how to ask for something in another format.",
      content: () => accessibilityView(facts),
    },
    {
      url: "/privacy",
      title: "Privacy notice",
      description:
        "What Waymark publishes about people, what it keeps about account holders, why, and your rights.",
      content: () => privacyView(facts),
    },
    {
      url: "/cookies",
      title: "Cookies",
      description: "The two cookies Waymark needs to work. It sets none to track you.",
      content: () => cookiesView(),
    },
    {
      url: "/feedback",
      title: "Tell us what you think",
      description: "How to tell the people who run Waymark what works and what does not.",
      content: () => feedbackView(facts),
    },
  ];
  for (const { url, title, description, content } of pages)
    app.get(url, (request, reply) =>
      sendPublicPage(request, reply, { title, description, content: content() }),
    );

  app.get("/robots.txt", (request, reply) => {
    publicCacheHeaders(request, reply);
    return reply
      .type("text/plain; charset=utf-8")
      .send(`User-agent: *\n${NOT_FOR_SEARCH.map((p) => `Disallow: ${p}\n`).join("")}`);
  });

  // Browsers and tools ask for /favicon.ico whatever the page says.
  app.get("/favicon.ico", (_request, reply) =>
    reply.header("cache-control", "public, max-age=86400").sendFile("favicon.ico", PUBLIC_FILES),
  );
}
