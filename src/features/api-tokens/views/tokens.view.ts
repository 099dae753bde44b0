import type { FieldErrors } from "../../../platform/errors.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { table } from "../../../platform/views/components/table.ts";
import { type TagColour, tag } from "../../../platform/views/components/tag.ts";
import {
  button,
  csrfField,
  errorLinks,
  errorSummary,
  notification,
  radioId,
  radios,
  textInput,
} from "../../../platform/views/forms.ts";
import { formatDateTime } from "../../../platform/views/when.ts";
import { type ApiToken, EXPIRY_CHOICES } from "../token.service.ts";

// /account/tokens: a person's own API tokens, making one (shown once) and revoking one.

const STATES: Record<ApiToken["state"], [string, TagColour]> = {
  active: ["Active", "green"],
  expired: ["Expired", "grey"],
  revoked: ["Revoked", "red"],
};

const EXPIRY_WORDS: Record<(typeof EXPIRY_CHOICES)[number], string> = {
  7: "In 7 days",
  30: "In 30 days",
  90: "In 90 days",
  365: "In a year",
};

export interface TokensModel {
  tokens: ApiToken[];
  csrfToken: string;
  /** A token just made: shown this once. */
  created?: { token: string; name: string } | undefined;
  saved?: string | undefined;
  form?: { values: Record<string, string>; errors: FieldErrors } | undefined;
}

const FIELD_IDS: Record<string, string> = { name: "name", expiresInDays: radioId("expiresInDays", "7") };

function tokenTable(model: TokensModel): SafeHtml {
  if (model.tokens.length === 0) return html`<p>You have no API tokens yet.</p>`;
  return table({
    caption: "Your API tokens",
    head: ["Name", "Made", "Stops working", "Last used", "Status", "Action"],
    rowHeaders: true,
    rows: model.tokens.map((t) => [
      t.name,
      formatDateTime(t.createdAt),
      formatDateTime(t.expiresAt),
      t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Never",
      tag(...STATES[t.state]),
      t.state === "active"
        ? html`<form class="wm-inline-form" method="post" action="/account/tokens/${t.id}/revoke">
            ${csrfField(model.csrfToken)}
            ${button({ text: html`Revoke<span class="visually-hidden"> the token ${t.name}</span>`, variant: "secondary", small: true })}
          </form>`
        : "",
    ]),
  });
}

export function tokensView(model: TokensModel): SafeHtml {
  const values = model.form?.values ?? {};
  const errors = model.form?.errors ?? {};
  return html`${errorSummary({ errors: errorLinks(errors, (name) => FIELD_IDS[name] ?? name) })}
  ${model.saved ? notification(model.saved) : ""}
  ${
    model.created
      ? html`<div class="ds_notification-panel ds_notification-panel--success wm-token-panel" role="status">
    <h2 class="ds_notification-panel__title">Your new token “${model.created.name}”</h2>
    <div class="ds_notification-panel__content">
      <p>Copy it now and keep it somewhere safe, like a password. You will not be able to see it again.</p>
      <p><code class="wm-token" id="new-token">${model.created.token}</code></p>
    </div>
  </div>`
      : ""
  }
  <h1>Your API tokens</h1>
  <p>A token lets a script or the command line use the <a href="/api/v1">Waymark API</a> as you, with your roles. Send it in the header <code>Authorization: Bearer</code> followed by the token. Anyone who has your token can act as you, so give each script its own and revoke any you no longer need.</p>
  ${tokenTable(model)}
  <h2>Make a new token</h2>
  <form method="post" action="/account/tokens" novalidate>
    ${csrfField(model.csrfToken)}
    ${textInput({ id: "name", name: "name", label: "Name", hint: "What the token is for, for example “Weekly export script”.", error: errors.name, value: values.name, width: "fluid-two-thirds" })}
    ${radios({
      idPrefix: "expiresInDays",
      name: "expiresInDays",
      legend: "When should it stop working?",
      error: errors.expiresInDays,
      value: values.expiresInDays ?? "90",
      items: EXPIRY_CHOICES.map((d) => ({ value: String(d), text: EXPIRY_WORDS[d] })),
    })}
    ${button({ text: "Make the token" })}
  </form>`;
}
