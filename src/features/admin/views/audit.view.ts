import type { FieldErrors } from "../../../platform/errors.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { table } from "../../../platform/views/components/table.ts";
import { button, errorLinks, errorSummary, select, textInput } from "../../../platform/views/forms.ts";
import { formatDateTime, isoDateTime } from "../../../platform/views/when.ts";
import type { AuditEvent, AuditPage } from "../audit.service.ts";
import { auditDiff } from "../audit-diff.ts";

// The audit trail page: a filter form (a GET, so a filtered view has its own address) and one
// page of events, newest first, each with a readable difference of its values.

const LONGEST = 400;

function shorten(value: string | null, missing: string): string {
  if (value === null) return missing;
  return value.length > LONGEST ? `${value.slice(0, LONGEST)}…` : value;
}

function changes(event: AuditEvent): SafeHtml | string {
  const diff = auditDiff(event.before, event.after);
  if (diff.length === 0) return "No values recorded";
  return html`<ul class="ds_no-bullets wm-audit-changes">${diff.map(
    (c) =>
      html`<li><strong>${c.field}</strong><br>Before: ${shorten(c.before, "(not set)")}<br>After: ${shorten(c.after, "(removed)")}</li>`,
  )}</ul>`;
}

export type AuditFilterValues = Record<
  "entityType" | "entityId" | "person" | "from" | "to" | "actorId",
  string
>;

/** The filter's query string without the page, for the paging links. */
function filterQuery(values: AuditFilterValues, page?: number): string {
  const params = new URLSearchParams(
    Object.entries(values).filter((e): e is [string, string] => Boolean(e[1])),
  );
  if (page !== undefined && page > 1) params.set("page", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

function filterForm(values: AuditFilterValues, entityTypes: string[], errors: FieldErrors): SafeHtml {
  const dateHint = "Year, month and day, for example 2026-11-22";
  return html`<form method="get" action="/admin/audit" novalidate class="wm-audit-filter">
    <h2>Find changes</h2>
    ${select({
      id: "entityType",
      name: "entityType",
      label: "What kind of thing changed",
      error: errors.entityType,
      value: values.entityType,
      placeholder: "Anything",
      options: [...new Set([...entityTypes, ...(values.entityType ? [values.entityType] : [])])].map((t) => ({
        value: t,
        text: t,
      })),
    })}
    ${textInput({ id: "entityId", name: "entityId", label: "Its id", hint: "The number or name the event shows after the kind of thing.", error: errors.entityId, value: values.entityId, width: "fixed-10" })}
    ${textInput({ id: "person", name: "person", label: "Who made the change", hint: "Part of their name or email address.", error: errors.person, value: values.person, width: "fluid-two-thirds" })}
    ${values.actorId ? html`<input type="hidden" name="actorId" value="${values.actorId}">` : ""}
    ${textInput({ id: "from", name: "from", label: "From (date)", hint: dateHint, error: errors.from, value: values.from, width: "fixed-10" })}
    ${textInput({ id: "to", name: "to", label: "To (date)", hint: dateHint, error: errors.to, value: values.to, width: "fixed-10" })}
    <div class="ds_button-group">
      ${button({ text: "Show changes" })}
      <a class="ds_link" href="/admin/audit">Clear the filter</a>
    </div>
  </form>`;
}

function paging(page: AuditPage, values: AuditFilterValues): SafeHtml {
  const { filter, pageCount } = page;
  if (pageCount <= 1) return html``;
  return html`<nav class="ds_pagination" aria-label="Pages of the audit trail">
    <p>Page ${filter.page} of ${pageCount}</p>
    <ul class="ds_pagination__list">
      ${filter.page > 1 ? html`<li class="ds_pagination__item"><a class="ds_pagination__link" href="/admin/audit${filterQuery(values, filter.page - 1)}">Newer changes</a></li>` : ""}
      ${filter.page < pageCount ? html`<li class="ds_pagination__item"><a class="ds_pagination__link" href="/admin/audit${filterQuery(values, filter.page + 1)}">Older changes</a></li>` : ""}
    </ul>
  </nav>`;
}

export function auditView(model: {
  page: AuditPage | null;
  values: AuditFilterValues;
  errors: FieldErrors;
  entityTypes: string[];
}): SafeHtml {
  const { page, values, errors } = model;
  return html`${errorSummary({ errors: errorLinks(errors, (name) => name) })}
  <a class="ds_back-link" href="/admin">Back to managing people</a>
  <h1>Audit trail</h1>
  <p>Every change anyone has made in Waymark: who, when, what, the values before and after, and the request it came from. Nobody can change or delete these records.</p>
  ${filterForm(values, model.entityTypes, errors)}
  ${
    page === null
      ? ""
      : html`<h2>${page.total === 0 ? "No changes found" : `${page.total} change${page.total === 1 ? "" : "s"} found`}</h2>
  ${
    page.events.length === 0
      ? html`<p>Nothing matches this filter. Try fewer conditions or a wider range of dates.</p>`
      : table({
          caption: `Changes, newest first (page ${page.filter.page} of ${page.pageCount})`,
          head: ["When", "Who", "What", "Changes", "Request"],
          rows: page.events.map((e) => [
            html`<time datetime="${isoDateTime(e.at)}">${formatDateTime(e.at)}</time>`,
            e.actor.label,
            html`${e.action}<br>on ${e.entityType} ${e.entityId}`,
            changes(e),
            e.requestId ?? "none",
          ]),
        })
  }
  ${paging(page, values)}`
  }`;
}
