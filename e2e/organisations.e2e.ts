import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEMO_EDITOR } from "../src/features/demo/demo.service.ts";
import { OrganisationFormPage, OrganisationPage } from "./pages/organisation-pages.ts";
import { SignInPage } from "./pages/sign-in-page.ts";
import { launchBrowser, MODES, Visitor } from "./support/browser.ts";
import { startServer, type TestServer } from "./support/server.ts";

// Keeping the register in a browser, as the demo editor, with JavaScript, without it and on a
// phone: adding an organisation (a mistake first, then rightly), then changing its kind and
// sectors from its page. Every page passes axe.

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(MODES)("the register of organisations, $name,", (mode) => {
  let server: TestServer;
  let editor: Visitor;
  beforeEach(async () => {
    server = await startServer("demo");
    editor = await Visitor.open(browser, server.url, mode);
  });
  afterEach(async () => {
    await editor?.close();
    await server?.close();
  });

  it("an editor adds an organisation, then says which sectors it belongs to", async () => {
    await editor.goto("/manage/organisations/new");
    await (await SignInPage.verifyOnPage(editor.page)).signInAs(DEMO_EDITOR.email, DEMO_EDITOR.password);
    let form = await OrganisationFormPage.verifyOnPage(editor.page, "Add an organisation");
    await editor.expectAccessibleAndClean();

    // A health board's code that is not one: told so, with the name kept.
    await form.name.fill("Who Cares? Scotland");
    await form.kind.selectOption({ label: "Third sector" });
    await form.areaCode.fill("S0800");
    await editor.clickAndWait(() => form.submit.click());
    form = await OrganisationFormPage.verifyOnPage(editor.page, "Add an organisation");
    expect(await editor.page.title()).toMatch(/^Error: Add an organisation/);
    expect(await form.errorSummary.textContent()).toContain(
      "Enter the area code as an S followed by 8 digits",
    );
    expect(await form.name.inputValue()).toBe("Who Cares? Scotland");
    await editor.expectAccessibleAndClean();
    await form.areaCode.fill("");
    await form.toggleSector("Third Sector");
    await editor.clickAndWait(() => form.submit.click());

    let organisation = await OrganisationPage.verifyOnPage(editor.page, "Who Cares? Scotland");
    expect(await organisation.details.textContent()).toMatch(/Third sector[\s\S]*Third Sector/);
    expect(await editor.page.getByRole("status").textContent()).toContain("Saved");
    await editor.expectAccessibleAndClean();

    await editor.clickAndWait(() =>
      editor.page.getByRole("link", { name: /^Change its kind, area code or sectors/ }).click(),
    );
    form = await OrganisationFormPage.verifyOnPage(editor.page, "Change Who Cares? Scotland");
    await editor.expectAccessibleAndClean();
    await form.toggleSector("Local Authorities");
    await editor.clickAndWait(() => form.submit.click());
    organisation = await OrganisationPage.verifyOnPage(editor.page, "Who Cares? Scotland");
    expect(await organisation.details.textContent()).toMatch(
      /Third Sector.*Local Authorities|Local Authorities.*Third Sector/,
    );
    await editor.expectAccessibleAndClean();
  });
});
