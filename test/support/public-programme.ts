import crypto from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll } from "vitest";
import type { DatabaseHandle } from "../../src/platform/database.ts";
import { createTestDatabase } from "./database.ts";
import { createEdition, createFoundation, createSector, createTheme } from "./factories.ts";
import { testApp } from "./http.ts";

// The setup the public-page tests share, called once at the top of the file with `await`: its
// own empty database holding a small programme built from the words of the two Leadership
// route-map seeds (two published editions of Leadership, a draft, and a Listening edition), and
// the app. Registers afterAll to close what it opened.

/** Words only the draft edition holds: no public page may show them. */
export const DRAFT_WORDING = "Draft-only wording that must never be public";

export interface PublicProgramme {
  handle: DatabaseHandle;
  app: FastifyInstance;
  /** The Leadership editions of June 2024 and December 2025 (the latest), and the draft. */
  june: number;
  december: number;
  draft: number;
  /** The one edition of the Listening route map. */
  listeningEdition: number;
}

export async function publicProgrammeApp(): Promise<PublicProgramme> {
  const handle = await createTestDatabase("empty");
  const app = await testApp(handle.db);
  afterAll(async () => {
    await app.close();
    await handle.close();
  });
  const db = handle.db;
  const key = {
    leadershipOutcome: crypto.randomUUID(),
    commonCore: crypto.randomUUID(),
    dialogue: crypto.randomUUID(),
    whatMatters: crypto.randomUUID(),
  };
  const voice = await createFoundation(db, { slug: "voice", name: "Voice", position: 1 });
  const people = await createFoundation(db, {
    slug: "people",
    name: "People",
    summary: "The people who work with children are supported to do so.",
    position: 2,
  });
  const listening = await createTheme(db, { foundationId: voice.id, slug: "listening", name: "Listening" });
  const leadership = await createTheme(db, {
    foundationId: people.id,
    slug: "leadership",
    name: "Leadership",
    summary: "Leadership that models the values of the promise.",
    position: 1,
  });
  await createTheme(db, { foundationId: people.id, slug: "workforce", name: "Workforce", position: 2 });
  const localAuthorities = await createSector(db, {
    slug: "local-authorities",
    name: "Local Authorities",
    position: 1,
  });
  const healthBoards = await createSector(db, {
    slug: "health-boards",
    name: "Health Boards",
    position: 2,
  });
  await createSector(db, { slug: "police-scotland", name: "Police Scotland", position: 3 });

  const june = (
    await createEdition(db, {
      themeId: leadership.id,
      layout: "ambitions",
      label: "June 2024",
      lastUpdated: "2024-06-12",
      stateOfPlayTitle: "Scotland in 2024",
      stateOfPlay: "Despite challenges, there has been strong commitment to #KeepThePromise.",
      ambitionSummary: "By 2030, there will be strong leadership across all of Scotland’s workforce.",
      routeMapIntro: "Focus must be on the crisis on the workforce.",
      outcomes: [
        {
          text: "Values-based leadership will exist at all levels and in all settings of the ‘care system’",
          pageRefs: "Pg 99",
          key: key.leadershipOutcome,
        },
      ],
      actions: [
        { text: "The revised Common Core will be agreed with the leadership group.", key: key.commonCore },
        "The actions outlined in the Voice foundation are fully embedded.",
      ],
      sectorIds: [localAuthorities.id],
      helping: ["The Children and Families National Leadership Group provides collective leadership."],
      whatMatters: [
        {
          text: "People whose job it is to make big decisions care most about what matters to me.",
          key: key.whatMatters,
        },
      ],
      mappings: [
        { framework: "promise_report", text: "the promise pgs.17; 36; 85; 99; 103-104" },
        { framework: "plan_21_24", text: "Whole family support" },
        { framework: "plan_21_24", text: "Supporting the workforce" },
        { framework: "uncrc", text: "Articles 3; 4; 19" },
        { framework: "shanarri", text: "Safe" },
      ],
    })
  ).id;
  const december = (
    await createEdition(db, {
      themeId: leadership.id,
      layout: "outcomes",
      label: "December 2025",
      lastUpdated: "2025-12-03",
      introduction:
        "This route map was last updated in December 2025 with information that is known about work underway.",
      stateOfPlayTitle: "Where is Scotland now?",
      stateOfPlay: "Work underway aligns with the Public Service Reform Strategy.",
      ambitionSummary:
        "All of the promise's calls to action have been grouped into delivery-focused outcomes.",
      routeMapIntro: "Public Service Reform Strategy is built on four foundations.",
      outcomes: [
        {
          text: "Leadership across Scotland’s 'care system' is values-based, relational and collective.",
          key: key.leadershipOutcome,
        },
      ],
      actions: [
        {
          text: "The Promise Scotland to convene candid dialogues between key ‘systems leaders’.",
          key: key.dialogue,
          children: [
            "Why is collaborative, relational practice fragile and how do we strengthen it?",
            "What are the barriers to systems actors ceding power?",
          ],
        },
        "Scottish Government to convene dialogue with all key partners.",
      ],
      milestones: [{ year: 2026, text: "Promise keeper model reviewed for wider use." }],
      sectorIds: [localAuthorities.id, healthBoards.id],
      whatMatters: [
        {
          text: "The people making big decisions that impact my family care most about what matters to us.",
          key: key.whatMatters,
        },
      ],
    })
  ).id;
  const draft = (
    await createEdition(db, {
      themeId: leadership.id,
      status: "draft",
      label: "Next edition",
      stateOfPlay: DRAFT_WORDING,
      actions: [DRAFT_WORDING],
      sectorIds: [healthBoards.id],
    })
  ).id;
  const listeningEdition = (
    await createEdition(db, {
      themeId: listening.id,
      lastUpdated: "2025-06-01",
      label: "June 2025",
      outcomes: ["Children are listened to."],
      actions: ["Everyone who works with children is trained to listen."],
      sectorIds: [localAuthorities.id],
    })
  ).id;
  return { handle, app, june, december, draft, listeningEdition };
}
