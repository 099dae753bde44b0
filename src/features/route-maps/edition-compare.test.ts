import { describe, expect, it } from "vitest";
import {
  compareEditions,
  normaliseText,
  readableDiff,
  type SectionComparison,
  wordDiff,
} from "./edition-compare.ts";
import { type Edition, FRAMEWORKS, MILESTONE_YEARS, type TextItem } from "./route-map.types.ts";

let nextId = 1;
const item = (key: string, text: string): TextItem => ({ id: nextId++, key, text });

/** An edition with every section empty unless given. */
function edition(overrides: Partial<Edition> = {}): Edition {
  return {
    id: nextId++,
    status: "published",
    layout: "outcomes",
    label: "December 2025",
    lastUpdated: "2025-12-01",
    version: 1,
    theme: { slug: "leadership", name: "Leadership", foundationSlug: "people", foundationName: "People" },
    introduction: "",
    stateOfPlayTitle: "Where is Scotland now?",
    stateOfPlay: "",
    ambitionSummary: "",
    routeMapIntro: "",
    copiedFromId: null,
    updatedAt: new Date("2025-12-01T00:00:00Z"),
    outcomes: [],
    actions: [],
    milestones: MILESTONE_YEARS.map((year) => ({ year, items: [] })),
    sectors: [],
    helping: [],
    whatMatters: [],
    mappings: FRAMEWORKS.map(({ code, label }) => ({ framework: code, label, items: [] })),
    ...overrides,
  };
}

function section(comparison: ReturnType<typeof compareEditions>, id: string): SectionComparison {
  const found = comparison.sections.find((s) => s.id === id);
  if (!found) throw new Error(`no section ${id}`);
  return found;
}

const texts = (items: Array<{ text: string }>) => items.map((i) => i.text);

describe("comparing two editions of a route map", () => {
  it("finds nothing to report between an edition and an identical copy", () => {
    const a = edition({
      stateOfPlay: "Work is underway.",
      actions: [{ ...item("k1", "The Promise Scotland to convene dialogue."), children: [] }],
      helping: [item("h1", "The CFNLG meets monthly.")],
    });
    const b = structuredClone(a);
    const comparison = compareEditions(a, b);
    expect(comparison.hasChanges).toBe(false);
    expect(comparison.totals).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(texts(section(comparison, "route-map").unchanged)).toEqual([
      "The Promise Scotland to convene dialogue.",
    ]);
  });

  it("treats an item with the same key but new wording as changed, with a word diff", () => {
    const from = edition({ helping: [item("h1", "The group meets every month in Edinburgh.")] });
    const to = edition({ helping: [item("h1", "The group meets every quarter in Edinburgh.")] });
    const helping = section(compareEditions(from, to), "helping");
    expect(helping.added).toEqual([]);
    expect(helping.removed).toEqual([]);
    expect(helping.changed).toHaveLength(1);
    const change = helping.changed[0]!;
    expect(change.before.text).toBe("The group meets every month in Edinburgh.");
    expect(change.after.text).toBe("The group meets every quarter in Edinburgh.");
    expect(change.textDiff.filter((p) => p.kind === "removed").map((p) => p.text.trim())).toEqual(["month"]);
    expect(change.textDiff.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["quarter"]);
    expect(change.detailDiff).toBeNull();
  });

  it("pairs items with different keys but the same text (ignoring case, spacing and curly quotes) as unchanged", () => {
    const from = edition({ whatMatters: [item("a", "People who support me  aren’t working in silos.")] });
    const to = edition({ whatMatters: [item("b", "people who support me aren't working in silos. ")] });
    const whatMatters = section(compareEditions(from, to), "what-matters");
    expect(whatMatters.unchanged).toHaveLength(1);
    expect(whatMatters.added).toEqual([]);
    expect(whatMatters.removed).toEqual([]);
  });

  it("matches by key before text, so a reworded item is not mistaken for a removal and an addition", () => {
    const from = edition({
      helping: [item("k1", "Old wording of the first point."), item("k2", "Second point.")],
    });
    const to = edition({
      helping: [item("k2", "Second point."), item("k1", "New wording of the first point.")],
    });
    const helping = section(compareEditions(from, to), "helping");
    expect(texts(helping.changed.map((c) => c.after))).toEqual(["New wording of the first point."]);
    expect(texts(helping.unchanged)).toEqual(["Second point."]);
    expect(helping.added).toEqual([]);
    expect(helping.removed).toEqual([]);
  });

  it("reports items only in the newer edition as added and items only in the older one as removed", () => {
    const from = edition({
      sectors: [
        { id: 1, key: "s1", sectorId: 1, slug: "cosla", name: "COSLA" },
        { id: 2, key: "s2", sectorId: 2, slug: "police", name: "Police Scotland" },
      ],
    });
    const to = edition({
      sectors: [
        { id: 3, key: "s1", sectorId: 1, slug: "cosla", name: "COSLA" },
        { id: 4, key: "s9", sectorId: 3, slug: "health-boards", name: "Health Boards" },
      ],
    });
    const comparison = compareEditions(from, to);
    const who = section(comparison, "who");
    expect(texts(who.added)).toEqual(["Health Boards"]);
    expect(texts(who.removed)).toEqual(["Police Scotland"]);
    expect(texts(who.unchanged)).toEqual(["COSLA"]);
    expect(comparison.totals).toEqual({ added: 1, removed: 1, changed: 0 });
    expect(comparison.hasChanges).toBe(true);
  });

  it("pairs repeated identical items one to one, so a dropped duplicate shows as removed", () => {
    const repeated = "How do we enable the root work required for change?";
    const from = edition({ helping: [item("a", repeated), item("b", repeated)] });
    const to = edition({ helping: [item("c", repeated)] });
    const helping = section(compareEditions(from, to), "helping");
    expect(helping.unchanged).toHaveLength(1);
    expect(texts(helping.removed)).toEqual([repeated]);
    expect(helping.added).toEqual([]);
  });

  it("reports a milestone moved to another year as changed, showing both years", () => {
    const from = edition({
      milestones: MILESTONE_YEARS.map((year) => ({
        year,
        items: year === 2026 ? [item("m1", "Common Core launched.")] : [],
      })),
    });
    const to = edition({
      milestones: MILESTONE_YEARS.map((year) => ({
        year,
        items: year === 2027 ? [item("m1", "Common Core launched.")] : [],
      })),
    });
    const milestones = section(compareEditions(from, to), "milestones");
    expect(milestones.changed).toHaveLength(1);
    const change = milestones.changed[0]!;
    expect(change.before.detail).toBe("2026");
    expect(change.after.detail).toBe("2027");
    expect(change.detailDiff?.some((p) => p.kind === "added" && p.text === "2027")).toBe(true);
    expect(change.textDiff).toEqual([{ kind: "same", text: "Common Core launched." }]);
  });

  it("reports new page references on an ambition as a change", () => {
    const from = edition({
      layout: "ambitions",
      outcomes: [{ ...item("o1", "Values-based leadership at all levels"), pageRefs: "Pg 99" }],
    });
    const to = edition({
      layout: "ambitions",
      outcomes: [{ ...item("o1", "Values-based leadership at all levels"), pageRefs: "Pg 99; Pg 17" }],
    });
    const by2030 = section(compareEditions(from, to), "by-2030");
    expect(by2030.changed).toHaveLength(1);
    expect(by2030.changed[0]!.after.detail).toBe("Pg 99; Pg 17");
  });

  it("compares sub-items of actions and says which action they sit under", () => {
    const from = edition({
      actions: [{ ...item("a1", "The Promise Scotland to convene candid dialogues."), children: [] }],
    });
    const to = edition({
      actions: [
        {
          ...item("a1", "The Promise Scotland to convene candid dialogues."),
          children: [item("c1", "Why is relational practice fragile?")],
        },
      ],
    });
    const routeMap = section(compareEditions(from, to), "route-map");
    expect(routeMap.added).toEqual([
      {
        key: "c1",
        text: "Why is relational practice fragile?",
        detail: "",
        context: "The Promise Scotland to convene candid dialogues.",
      },
    ]);
    expect(texts(routeMap.unchanged)).toEqual(["The Promise Scotland to convene candid dialogues."]);
  });

  it("matches mappings by text only within the same framework", () => {
    const from = edition({
      mappings: FRAMEWORKS.map(({ code, label }) => ({
        framework: code,
        label,
        items: code === "plan_21_24" ? [item("p1", "Planning")] : [],
      })),
    });
    const to = edition({
      mappings: FRAMEWORKS.map(({ code, label }) => ({
        framework: code,
        label,
        items: code === "shanarri" ? [item("x1", "Planning")] : [],
      })),
    });
    const mapping = section(compareEditions(from, to), "mapping");
    expect(mapping.added).toHaveLength(1);
    expect(mapping.added[0]!.detail).toBe("GIRFEC wellbeing indicators (SHANARRI)");
    expect(mapping.removed).toHaveLength(1);
    expect(mapping.removed[0]!.detail).toBe("Plan 21-24 priority areas");
  });

  it("compares the single-text fields: added, removed, changed and unchanged", () => {
    const from = edition({
      layout: "ambitions",
      stateOfPlayTitle: "Scotland in 2024",
      stateOfPlay: "Despite challenges, there has been strong commitment.",
      ambitionSummary: "By 2030, there will be strong leadership.",
      routeMapIntro: "Focus must be on the crisis.",
      introduction: "",
    });
    const to = edition({
      layout: "outcomes",
      stateOfPlayTitle: "Where is Scotland now?",
      stateOfPlay: "Despite challenges, there has been growing commitment.",
      ambitionSummary: "",
      routeMapIntro: "Focus must be on the crisis.",
      introduction: "This route map was last updated in December 2025.",
    });
    const comparison = compareEditions(from, to);
    const status = Object.fromEntries(
      comparison.sections.flatMap((s) => s.fields).map((f) => [f.field, f.status]),
    );
    expect(status).toEqual({
      introduction: "added",
      stateOfPlayTitle: "changed",
      stateOfPlay: "changed",
      ambitionSummary: "removed",
      routeMapIntro: "unchanged",
    });
    const stateOfPlay = section(comparison, "state-of-play").fields.find((f) => f.field === "stateOfPlay")!;
    expect(stateOfPlay.diff.filter((p) => p.kind !== "same").map((p) => [p.kind, p.text.trim()])).toEqual([
      ["removed", "strong"],
      ["added", "growing"],
    ]);
    expect(comparison.layoutChange).toEqual({ from: "ambitions", to: "outcomes" });
    expect(comparison.hasChanges).toBe(true);
  });

  it("counts a change of format alone as a change", () => {
    const comparison = compareEditions(edition({ layout: "ambitions" }), edition({ layout: "outcomes" }));
    expect(comparison.totals).toEqual({ added: 0, removed: 0, changed: 0 });
    expect(comparison.hasChanges).toBe(true);
  });

  it("lists every section, in the order of the route map page, whether or not it changed", () => {
    const comparison = compareEditions(edition(), edition());
    expect(comparison.sections.map((s) => s.id)).toEqual([
      "introduction",
      "state-of-play",
      "by-2030",
      "route-map",
      "milestones",
      "who",
      "helping",
      "what-matters",
      "mapping",
    ]);
    expect(comparison.from.label).toBe("December 2025");
  });
});

describe("text normalisation and word diffs", () => {
  it("ignores case, repeated spaces and typographic quotes and dashes", () => {
    expect(normaliseText("  The ‘care system’ – now\n ")).toBe(normaliseText("the 'care system' - now"));
    expect(normaliseText("Leadership")).not.toBe(normaliseText("Leaders"));
  });

  it("rebuilds the newer text exactly, and the older one word for word, from the diff parts", () => {
    const before = "Leaders will model an approach that encourages speaking up.";
    const after = "Leaders will model a culture that encourages speaking up and listening.";
    const parts = wordDiff(before, after);
    const join = (kinds: string[]) =>
      parts
        .filter((p) => kinds.includes(p.kind))
        .map((p) => p.text)
        .join("");
    expect(join(["same", "added"])).toBe(after);
    // Word diffs keep the newer text's spacing in unchanged runs, so compare the older one by words.
    expect(normaliseText(join(["same", "removed"])).replace(/ (?=\.)/g, "")).toBe(normaliseText(before));
    expect(parts.filter((p) => p.kind === "removed").map((p) => p.text)).toEqual(["an approach"]);
  });

  it("shows a rewritten text whole, removed then added, instead of a jumble of word scraps", () => {
    const before = "Despite challenges, there has been strong commitment to keep the promise at all levels.";
    const after = "Work underway aligns with the Public Service Reform Strategy and Delivering for Scotland.";
    expect(readableDiff(before, after)).toEqual([
      { kind: "removed", text: before },
      { kind: "added", text: after },
    ]);
  });

  it("keeps the word diff when most of the text is unchanged", () => {
    const before = "The group meets every month in Edinburgh to agree the plan.";
    const after = "The group meets every quarter in Edinburgh to agree the plan.";
    expect(readableDiff(before, after)).toEqual(wordDiff(before, after));
    expect(readableDiff(before, after).filter((p) => p.kind === "same").length).toBeGreaterThan(0);
  });

  it("shows a text added to an empty field as one addition", () => {
    expect(readableDiff("", "New introduction.")).toEqual([{ kind: "added", text: "New introduction." }]);
  });
});
