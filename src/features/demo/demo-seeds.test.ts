import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/support/database.ts";
import { SEEDS_DIR, seedFile } from "../../../test/support/seeds.ts";
import { PUBLIC } from "../../platform/actor.ts";
import type { DatabaseHandle } from "../../platform/database.ts";
import { getEdition, listEditions } from "../route-maps/route-map.service.ts";
import type { Edition } from "../route-maps/route-map.types.ts";

// The demo's Leadership editions were typed by hand from two real route-map pages (the seeds).
// This reads the pages themselves and checks that every fact made it across, in order. The
// seeds live beside the repository, in ../shared/seeds; a checkout without them skips this.

const june2024Seed = seedFile("000_");
const december2025Seed = seedFile("003_");
const haveSeeds = june2024Seed !== undefined && december2025Seed !== undefined;

/** The page's paragraphs: one per non-empty line. */
function lines(file: string): string[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

function indexOf(all: string[], test: (line: string) => boolean, from = 0): number {
  const index = all.findIndex((line, i) => i >= from && test(line));
  if (index < 0) throw new Error("the seed page no longer has a heading this test relies on");
  return index;
}

/** The lines after the first line passing `start`, up to the next line passing `end`. */
function between(all: string[], start: (l: string) => boolean, end: (l: string) => boolean): string[] {
  const from = indexOf(all, start) + 1;
  return all.slice(from, indexOf(all, end, from));
}

const is = (text: string) => (line: string) => line === text;
const startsWith = (text: string) => (line: string) => line.startsWith(text);
const isBullet = (line: string) => line.startsWith("•");
const unbullet = (line: string) => line.replace(/^•\s*/, "");

/** Compares wording, not typography: quotes of any kind and runs of spaces are ignored. */
const normalise = (text: string) =>
  text
    .replace(/[‘’'“”"]/g, "")
    .replace(/\s+/g, " ")
    .trim();
const withoutPageRefs = (text: string) => text.replace(/\s*\(Pg \d+\)/g, "").replace(/\.\.$/, ".");
const numbers = (text: string) => text.match(/\d+(-\d+)?/g) ?? [];
const texts = (items: Array<{ text: string }>) => items.map((i) => normalise(i.text));

describe.skipIf(!haveSeeds)(
  haveSeeds
    ? "the demo Leadership route map carries the facts of its two seed pages"
    : `the demo Leadership route map against its seed pages: SKIPPED, no seeds in ${SEEDS_DIR}`,
  () => {
    let handle: DatabaseHandle;
    let june: Edition;
    let december: Edition;

    beforeAll(async () => {
      handle = await createTestDatabase("demo");
      const { editions } = await listEditions(handle.db, PUBLIC, "leadership");
      const byLabel = (label: string) => editions.find((e) => e.label === label)!.id;
      june = await getEdition(handle.db, PUBLIC, "leadership", byLabel("June 2024"));
      december = await getEdition(handle.db, PUBLIC, "leadership", byLabel("December 2025"));
    });
    afterAll(() => handle.close());

    describe("June 2024", () => {
      const page = haveSeeds ? lines(june2024Seed) : [];

      it("has the state of play and the 2030 ambition summary", () => {
        expect(june.stateOfPlayTitle).toBe("Scotland in 2024");
        expect(normalise(june.stateOfPlay)).toBe(normalise(page[indexOf(page, is("Scotland in 2024")) + 1]!));
        expect(normalise(june.ambitionSummary)).toBe(normalise(page.find(startsWith("By 2030"))!));
      });

      it("has every ambition, in order, with the promise-report pages it cites", () => {
        const ambitions = between(page, is("This means:"), startsWith("These statements")).filter(isBullet);
        expect(ambitions).toHaveLength(6);
        expect(texts(june.outcomes)).toEqual(ambitions.map((a) => normalise(withoutPageRefs(unbullet(a)))));
        expect(june.outcomes.map((o) => numbers(o.pageRefs))).toEqual(ambitions.map(numbers));
      });

      it("has the route map's introduction and every action, in order", () => {
        const [intro, ...actions] = between(page, is("The route map to get there"), is("What is helping?"));
        expect(normalise(june.routeMapIntro)).toBe(normalise(intro!));
        expect(texts(june.actions)).toEqual(actions.map(normalise));
        expect(june.actions).toHaveLength(3);
      });

      it("has what is helping and what matters to children and families", () => {
        const helping = between(page, is("What is helping?"), is("Who must act?"));
        expect(texts(june.helping)).toEqual(helping.map(normalise));
        const matters = between(page, startsWith("Here is what matters"), startsWith("Find out more"));
        expect(texts(june.whatMatters)).toEqual(matters.map(normalise));
      });

      it("maps to the promise pages, Plan 21-24, UNCRC articles and SHANARRI as the page's table does", () => {
        const table = page.slice(indexOf(page, is("Mapping"))).join("\n");
        const mapping = (code: string) => june.mappings.find((m) => m.framework === code)!.items;
        const promisePages = /pgs\.([\d;\s-]+)/.exec(table)![1]!;
        expect(mapping("promise_report").map((i) => i.text)).toEqual(numbers(promisePages));
        expect(mapping("uncrc").flatMap((i) => numbers(i.text))).toEqual(
          numbers(/Articles ([\d;\s]+)/.exec(table)![1]!),
        );
        for (const item of [...mapping("plan_21_24"), ...mapping("shanarri")])
          expect(table).toContain(item.text);
        expect(mapping("plan_21_24")).toHaveLength(5);
        expect(mapping("shanarri").map((i) => i.text)).toEqual(["Safe", "Nurtured", "Respected", "Included"]);
      });
    });

    describe("December 2025", () => {
      const page = haveSeeds ? lines(december2025Seed) : [];

      it("has the introduction, the state of play and the outcome", () => {
        expect(normalise(december.introduction)).toBe(
          normalise(page.find(startsWith("This route map was last"))!),
        );
        expect(december.stateOfPlayTitle).toBe("Where is Scotland now?");
        expect(normalise(december.stateOfPlay)).toBe(
          normalise(page[indexOf(page, is("Where is Scotland now?")) + 1]!),
        );
        const outcome = page[indexOf(page, is("The outcome in Leadership is:")) + 1]!;
        expect(texts(december.outcomes)).toEqual([normalise(unbullet(outcome))]);
      });

      it("has every action in order, with the proposed themes under their action and the repeated one once", () => {
        const route = between(page, is("The route map to get there"), startsWith("There are no milestones"));
        const actionLines = route.slice(route.findIndex(startsWith("The work highlighted")));
        const expected: Array<{ text: string; children: string[] }> = [];
        for (const line of actionLines) {
          if (!isBullet(line)) expected.push({ text: normalise(line), children: [] });
          else {
            const children = expected.at(-1)!.children;
            const child = normalise(unbullet(line));
            if (!children.includes(child)) children.push(child);
          }
        }
        expect(expected).toHaveLength(10);
        expect(
          december.actions.map((a) => ({ text: normalise(a.text), children: texts(a.children) })),
        ).toEqual(expected);
      });

      it("has the page's context as what is helping", () => {
        const route = between(page, is("The route map to get there"), startsWith("There are no milestones"));
        const context = route.slice(0, route.findIndex(startsWith("The work highlighted")));
        expect(texts(december.helping)).toEqual(context.map(normalise));
      });

      it("has no milestones yet, the six sectors who must act, and what matters", () => {
        expect(page.some(startsWith("There are no milestones identified for this year yet"))).toBe(true);
        expect(december.milestones.flatMap((m) => m.items)).toEqual([]);
        const sectors = page[indexOf(page, is("Who needs to work on this:")) + 1]!.split(", ");
        expect(december.sectors.map((s) => s.name)).toEqual(sectors);
        const matters = between(
          page,
          startsWith("What matters to children, families"),
          startsWith("Find out more"),
        );
        expect(texts(december.whatMatters)).toEqual(matters.map(normalise));
      });
    });
  },
);
