import { html, type SafeHtml } from "../../../platform/html.ts";
import type { Commitment, CommitmentSource } from "../commitment.types.ts";

// /commitments: the key actions each imported progress update sets out, with where it came from.

const DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});

export function partHeading(source: CommitmentSource): string {
  if (source.partNumber && source.partTitle) return `Part ${source.partNumber}: ${source.partTitle}`;
  if (source.partTitle) return source.partTitle;
  if (source.partNumber) return `Part ${source.partNumber}`;
  return source.title ?? "A progress update";
}

function sourceLine(source: CommitmentSource): SafeHtml {
  const from = source.sourceAddress
    ? html`<a href="${source.sourceAddress}">${source.sourceAddress}</a>`
    : html`a saved copy (${source.fileName})`;
  return html`<p class="ds_hint-text">Source: ${from}, imported on ${DATE.format(source.importedAt)}.</p>`;
}

function keyAction(commitment: Commitment): SafeHtml {
  return html`<li id="commitment-${commitment.id}">
    <p><strong>${commitment.text}</strong></p>
    ${commitment.details.map((d) => html`<p>${d}</p>`)}
    ${commitment.subItems.length > 0 ? html`<ul>${commitment.subItems.map((s) => html`<li>${s}</li>`)}</ul>` : ""}
    ${commitment.status ? html`<p>Status given in the update: ${commitment.status}</p>` : ""}
  </li>`;
}

export function commitmentsView(sources: CommitmentSource[]): SafeHtml {
  return html`<h1>Commitments</h1>
  <p>The key actions the Scottish Government's progress updates on keeping the promise say it will take, as each update sets them out. They come from the published updates, and each says where it came from.</p>
  ${
    sources.length === 0
      ? html`<p>No progress updates have been brought into Waymark yet.</p>`
      : sources.map(
          (source) => html`<section aria-labelledby="source-${source.documentId}">
      <h2 id="source-${source.documentId}">${partHeading(source)}</h2>
      ${source.title ? html`<p>From <cite>${source.title}</cite></p>` : ""}
      ${sourceLine(source)}
      <h3>${source.commitments.length === 1 ? "1 key action" : `${source.commitments.length} key actions`}</h3>
      <ol>${source.commitments.map(keyAction)}</ol>
    </section>`,
        )
  }`;
}
