import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { getPage } from "../../../test/support/http.ts";
import { landscapeApp } from "../../../test/support/landscape-app.ts";

// The landscape page on a real database: the public's figures come from published minutes only;
// someone who may read the groups' private business sees the draft minutes' attendance too.

const { app, f, reader } = await landscapeApp();

const YEAR_2024 = "?from-day=1&from-month=1&from-year=2024&to-day=31&to-month=12&to-year=2024";

/** The cells of the row of the table captioned `caption` whose first cell starts with `first`. */
function row(body: string, caption: RegExp, first: string): string[] | undefined {
  const { document } = parseHTML(body);
  const table = [...document.querySelectorAll("table")].find((t) =>
    caption.test(t.querySelector("caption")?.textContent ?? ""),
  );
  const rows = [...(table?.querySelectorAll("tbody tr") ?? [])].map((tr) =>
    [...tr.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").replace(/\s+/g, " ").trim()),
  );
  return rows.find((r) => r[0]?.startsWith(first));
}

describe("the landscape page", () => {
  it("lists every group with its parent, dates, meetings and flags", async () => {
    const response = await getPage(app, undefined, "/landscape");
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("public, max-age=60");
    const leadership = row(response.body, /^Every group/, f.leadership.name)!;
    // Group, remit, parent, portfolio, review, end, last, next, needs attention
    expect(leadership.slice(1)).toEqual([
      "Lead change for children and families across Scotland",
      "None",
      "Children and families",
      "1 January 2024",
      "31 March 2030",
      // 11 June 2024 was planned and its day is gone: it counts as the last meeting, nothing is next.
      "11 June 2024",
      "None",
      "Review was due 1 January 2024",
    ]);
    const workforce = row(response.body, /^Every group/, f.workforce.name)!;
    expect(workforce[2]).toBe(f.leadership.name);
    expect(workforce[8]).toBe("No end date");
  });

  it("ranks the two groups' overlap: two shared people, remit words in common", async () => {
    const response = await getPage(app, undefined, "/landscape");
    const pair = row(response.body, /^Pairs of groups/, f.leadership.name)!;
    // People: Leadership {Louise, Andrew, Jess}, Workforce {Louise, Jess}: 2 of 3 = 67%.
    // Organisations: {SOLACE, SG, SSSC} and {SOLACE, SSSC}: 2 of 3 = 67%.
    // Remit: {change, children, family, lead, scotland} and {caring, children, family, support,
    // workforce}: 2 of 8 = 25%. Overall (2/3 + 2/3 + 1/4) / 3 = 19/36 = 53%.
    expect(pair[0]).toBe(`${f.leadership.name} and ${f.workforce.name}`);
    expect(pair[1]).toMatch(/^2 \(67%\)/);
    expect(pair[2]).toMatch(/^2 \(67%\)/);
    expect(pair[3]).toBe("2 (25%): children, family");
    expect(pair[4]).toBe("53%");
  });

  it("counts the public's meeting load from published minutes only", async () => {
    const response = await getPage(app, undefined, `/landscape${YEAR_2024}`);
    expect(response.statusCode).toBe(200);
    // Public meetings: 21 May (published) and 11 June (the next meeting it names). Louise is a
    // Leadership member: expected at both, attended 21 May. The Workforce meeting of 28 May has
    // draft minutes: not counted, and its attendance never shown.
    expect(row(response.body, /^Meetings per person/, `Louise Long`)).toEqual([
      expect.stringContaining("Louise Long"),
      "1",
      "2",
      "1",
      "0",
    ]);
    // Jess sent Mary on 21 May: an apology for Jess, an attendance for Mary.
    expect(row(response.body, /^Meetings per person/, "=Jess Elsey")?.slice(1)).toEqual(["1", "2", "0", "1"]);
    expect(row(response.body, /^Meetings per person/, "Mary Morris")?.slice(1)).toEqual(["1", "0", "1", "0"]);
    expect(response.body).not.toContain(f.secrets.personName);
  });

  it("counts draft minutes' attendance for someone who may read them", async () => {
    const response = await getPage(app, reader, `/landscape${YEAR_2024}`);
    expect(response.headers["cache-control"]).toBe("private, no-store");
    // With the Workforce meeting of 28 May: Louise expected at 3, attended 2, in 2 groups.
    expect(row(response.body, /^Meetings per person/, "Louise Long")?.slice(1)).toEqual(["2", "3", "2", "0"]);
    expect(row(response.body, /^Meetings per person/, f.secrets.personName)?.slice(1)).toEqual([
      "1",
      "0",
      "1",
      "0",
    ]);
  });

  it("says which date is wrong when the period is not valid, and keeps what was typed", async () => {
    const response = await getPage(
      app,
      undefined,
      "/landscape?from-day=31&from-month=2&from-year=2024&to-day=1&to-month=1&to-year=2024",
    );
    expect(response.statusCode).toBe(400);
    const { document } = parseHTML(response.body);
    expect(document.querySelector("title")?.textContent).toMatch(/^Error: /);
    const links = [...document.querySelectorAll(".ds_error-summary a")].map((a) => [
      a.getAttribute("href"),
      a.textContent,
    ]);
    expect(links).toEqual([
      ["#from-day", "Enter the first day of the period as a real date, for example 1 4 2025"],
    ]);
    expect(document.querySelector("#from-day")?.getAttribute("value")).toBe("31");
  });

  it("refuses a period that ends before it starts", async () => {
    const response = await getPage(
      app,
      undefined,
      "/landscape?from-day=2&from-month=1&from-year=2024&to-day=1&to-month=1&to-year=2024",
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("The last day of the period must be on or after the first day");
  });
});
