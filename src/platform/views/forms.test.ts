import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import type { SafeHtml } from "../html.ts";
import {
  button,
  csrfField,
  dateInput,
  errorLinks,
  errorSummary,
  formTitle,
  notification,
  radios,
  select,
  textarea,
  textInput,
} from "./forms.ts";

function dom(markup: SafeHtml) {
  return parseHTML(`<!DOCTYPE html><html><body>${markup.value}</body></html>`).document;
}

describe("design-system form components", () => {
  it("the error summary lists each message as a link to its field, and is absent without errors", () => {
    const doc = dom(
      errorSummary({
        errors: errorLinks(
          { text: "Enter the outcome", year: "Choose a year from 2025 to 2030" },
          (n) => `add-${n}`,
        ),
      }),
    );
    const summary = doc.querySelector("div.ds_error-summary")!;
    expect(summary.getAttribute("role")).toBe("alert");
    expect(summary.getAttribute("aria-labelledby")).toBe("error-summary-title");
    expect(doc.getElementById("error-summary-title")!.textContent).toBe("There is a problem");
    expect(
      [...doc.querySelectorAll(".ds_error-summary__list a")].map((a) => [
        a.getAttribute("href"),
        a.textContent,
      ]),
    ).toEqual([
      ["#add-text", "Enter the outcome"],
      ["#add-year", "Choose a year from 2025 to 2030"],
    ]);
    expect(errorSummary({ errors: [] }).value).toBe("");
    expect(formTitle("Sign in", true)).toBe("Error: Sign in");
    expect(formTitle("Sign in", false)).toBe("Sign in");
  });

  it("a text input in error is marked, described by its hint and message, and escapes what was typed", () => {
    const doc = dom(
      textInput({
        id: "details-label",
        name: "label",
        label: "Label",
        hint: "For example, December 2025",
        error: "Enter a label",
        value: `"><script>alert(1)</script>`,
      }),
    );
    expect(doc.querySelector(".ds_question")!.classList.contains("ds_question--error")).toBe(true);
    expect(doc.querySelector("label.ds_label")!.getAttribute("for")).toBe("details-label");
    const input = doc.querySelector("input")!;
    expect(input.getAttribute("name")).toBe("label");
    expect(input.getAttribute("value")).toBe(`"><script>alert(1)</script>`);
    expect(doc.querySelector("script")).toBeNull();
    expect(input.classList.contains("ds_input--error")).toBe(true);
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toBe("details-label-hint details-label-error");
    expect(doc.getElementById("details-label-error")!.className).toBe("ds_question__error-message");

    const plain = dom(textInput({ id: "x", name: "x", label: "X" }));
    expect(plain.querySelector(".ds_question--error")).toBeNull();
    expect(plain.querySelector("input")!.hasAttribute("aria-describedby")).toBe(false);
    expect(plain.querySelector("input")!.hasAttribute("aria-invalid")).toBe(false);
  });

  it("a textarea keeps a leading blank line and escapes markup", () => {
    const markup = textarea({
      id: "t",
      name: "text",
      label: "Text",
      value: "\nFirst line </textarea><b>bold</b>",
    });
    expect(markup.value).toContain(">\n\nFirst line &lt;/textarea&gt;&lt;b&gt;bold&lt;/b&gt;</textarea>");
    expect(dom(markup).querySelector("b")).toBeNull();
  });

  it("a select shows the placeholder first and the chosen option selected", () => {
    const doc = dom(
      select({
        id: "year",
        name: "year",
        label: "Year",
        placeholder: "Choose a year",
        value: "2027",
        options: ["2026", "2027"].map((y) => ({ value: y, text: y })),
      }),
    );
    const options = [...doc.querySelectorAll("select.ds_select option")];
    expect(options.map((o) => [o.getAttribute("value"), o.textContent, o.hasAttribute("selected")])).toEqual([
      ["", "Choose a year", false],
      ["2026", "2026", false],
      ["2027", "2027", true],
    ]);
    expect(doc.querySelector(".ds_select-wrapper .ds_select-arrow")!.getAttribute("aria-hidden")).toBe(
      "true",
    );
  });

  it("radios sit in a fieldset with a legend, each labelled, the chosen one checked", () => {
    const doc = dom(
      radios({
        idPrefix: "layout",
        name: "layout",
        legend: "How is the 2030 section set out?",
        value: "ambitions",
        error: "Choose a layout",
        items: [
          { value: "outcomes", text: "Outcomes" },
          { value: "ambitions", text: "Ambitions" },
        ],
      }),
    );
    expect(doc.querySelector("fieldset legend")!.textContent).toBe("How is the 2030 section set out?");
    expect(doc.querySelector("fieldset")!.getAttribute("aria-describedby")).toBe("layout-error");
    const inputs = [...doc.querySelectorAll("input.ds_radio__input")];
    expect(inputs.map((i) => [i.id, i.hasAttribute("checked")])).toEqual([
      ["layout-outcomes", false],
      ["layout-ambitions", true],
    ]);
    for (const input of inputs) {
      expect(doc.querySelector(`label.ds_radio__label[for="${input.id}"]`)).not.toBeNull();
    }
  });

  it("a date is three labelled boxes, day, month and year, keeping what was typed", () => {
    const doc = dom(
      dateInput({
        name: "lastUpdated",
        legend: "Last updated",
        error: "Enter a real date",
        value: { day: "31", month: "2", year: "2025" },
      }),
    );
    expect(doc.querySelector("fieldset legend")!.textContent).toBe("Last updated");
    expect(doc.querySelector(".ds_field-group--inline")).not.toBeNull();
    const fields = [...doc.querySelectorAll("input")].map((i) => [
      i.getAttribute("name"),
      i.getAttribute("value"),
      doc.querySelector(`label[for="${i.id}"]`)!.textContent,
      i.getAttribute("inputmode"),
    ]);
    expect(fields).toEqual([
      ["lastUpdated-day", "31", "Day", "numeric"],
      ["lastUpdated-month", "2", "Month", "numeric"],
      ["lastUpdated-year", "2025", "Year", "numeric"],
    ]);
    expect(doc.querySelector("fieldset")!.getAttribute("aria-describedby")).toBe(
      "lastUpdated-hint lastUpdated-error",
    );
  });

  it("buttons, the CSRF field and the confirmation message", () => {
    expect(button({ text: "Save" }).value).toBe('<button class="ds_button" type="submit">Save</button>');
    expect(button({ text: "Move up", variant: "secondary", small: true }).value).toContain(
      'class="ds_button ds_button--secondary ds_button--small"',
    );
    expect(csrfField("tok&en").value).toBe('<input type="hidden" name="_csrf" value="tok&amp;en">');
    const doc = dom(notification("The outcome has been added."));
    expect(doc.querySelector(".ds_notification-message")!.getAttribute("role")).toBe("status");
    expect(doc.querySelector(".ds_notification-message__body")!.textContent).toBe(
      "The outcome has been added.",
    );
  });
});
