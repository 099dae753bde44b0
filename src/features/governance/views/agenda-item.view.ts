import { html, type SafeHtml } from "../../../platform/html.ts";
import type { FormState } from "../../../platform/http-forms.ts";
import {
  ACCEPT_ATTRIBUTE,
  ALLOWED_KINDS_IN_WORDS,
  MAX_UPLOAD_BYTES,
  sizeInWords,
} from "../../../platform/uploads.ts";
import { details } from "../../../platform/views/components/details.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import { table } from "../../../platform/views/components/table.ts";
import {
  buttonForm,
  checkbox,
  type FormContext,
  fileField,
  formProblems,
  postForm,
  text,
} from "../../../platform/views/form-parts.ts";
import { button, hiddenField, notification } from "../../../platform/views/forms.ts";
import { manageMeetingPath, paperFilePath } from "../governance.paths.ts";
import type { AgendaItem, Meeting } from "../governance.types.ts";
import { agendaItemFields } from "./meeting-agenda.view.ts";

// One agenda item: its minute, discussion points and decisions (while the minutes are a draft),
// and its papers, public or private.

const FILE_HINT = `A ${ALLOWED_KINDS_IN_WORDS} file, up to ${sizeInWords(MAX_UPLOAD_BYTES)}.`;

/** Puts a new file in place of a paper's file (or gives it one), folded away until asked for. */
function newFileForm(paper: AgendaItem["papers"][number], csrfToken: string, state: FormState | undefined) {
  const form: FormContext = { name: `paper-file-${paper.id}`, csrfToken, state };
  const refused = state?.form === form.name;
  return details(
    `${paper.fileName ? "Put a new file in place of" : "Attach a file to"} ${paper.title}`,
    postForm(
      `/manage/papers/${paper.id}/file`,
      csrfToken,
      html`${formProblems(form)}
      ${fileField(
        form,
        "file",
        paper.fileName ? `The new file for ${paper.title}` : `The file for ${paper.title}`,
        {
          hint: paper.fileName ? `${FILE_HINT} It replaces ${paper.fileName}.` : FILE_HINT,
          accept: ACCEPT_ATTRIBUTE,
        },
      )}
      ${button({ text: paper.fileName ? "Replace the file" : "Attach the file", variant: "secondary" })}`,
      { multipart: true },
    ),
    { open: refused },
  );
}

export function agendaItemView(model: {
  meeting: Meeting;
  item: AgendaItem;
  csrfToken: string;
  saved?: string | undefined;
  state?: FormState | undefined;
}): SafeHtml {
  const { meeting, item, csrfToken, state } = model;
  const editable = meeting.minutesStatus === "draft";
  const details: FormContext = {
    name: "item",
    csrfToken,
    state,
    initial: {
      title: item.title,
      notes: item.notes,
      discussionPoints: item.discussionPoints.join("\n"),
      decisions: item.decisions.join("\n"),
    },
    showSaved: true,
  };
  const paper: FormContext = { name: "paper", csrfToken, state };
  return html`${pageHeader({ label: "Agenda item", title: item.title })}
  ${model.saved ? notification(model.saved === "paper" ? "The paper has been added." : "The paper has been updated.") : ""}
  <p><a href="${manageMeetingPath(meeting.id)}#agenda">Back to the meeting</a></p>
  ${
    editable
      ? postForm(
          `/manage/agenda-items/${item.id}`,
          csrfToken,
          html`${formProblems(details)}${hiddenField("version", item.version)}${agendaItemFields(details)}${button({ text: "Save the item" })}`,
        )
      : html`<p>The minutes are ${meeting.minutesStatus}, so this item can no longer be changed.</p>`
  }
  <h2 id="papers">Papers</h2>
  ${
    item.papers.length === 0
      ? html`<p>No papers yet.</p>`
      : table({
          caption: `Papers for ${item.title}`,
          head: ["Paper", "Reference", "Who can see it", "Change"],
          rowHeaders: true,
          rows: item.papers.map((p) => [
            html`${p.url ? html`<a href="${p.url}">${p.title}</a>` : p.title}${
              p.fileName
                ? html`<br><a href="${paperFilePath(meeting.group.slug, p.id)}" download>Download ${p.fileName}</a>`
                : ""
            }`,
            p.reference,
            p.public
              ? "Everyone, once the minutes are published"
              : "Only the group's secretariat and readers",
            html`${buttonForm(
              `/manage/papers/${p.id}/visibility`,
              csrfToken,
              p.public ? "Make private" : "Make public",
              {
                public: p.public ? "no" : "yes",
              },
            )}${editable ? buttonForm(`/manage/papers/${p.id}/remove`, csrfToken, html`Remove<span class="visually-hidden"> ${p.title}</span>`) : ""}`,
          ]),
        })
  }
  ${editable ? item.papers.map((p) => newFileForm(p, csrfToken, state)) : ""}
  ${
    editable
      ? html`<h3>Add a paper</h3>
  ${postForm(
    `/manage/agenda-items/${item.id}/papers`,
    csrfToken,
    html`${formProblems(paper)}
    ${text(paper, "paperTitle", "Title of the paper", { width: "fluid-two-thirds" })}
    ${text(paper, "reference", "Reference", { hint: "As the minutes cite it, for example paper 5/1", width: "fixed-10" })}
    ${text(paper, "url", "Web address", { hint: "Where the paper can be read, starting with https://. Leave empty if you attach the file.", type: "url", width: "fluid-two-thirds" })}
    ${fileField(paper, "file", "The paper's file", {
      hint: `Optional. ${FILE_HINT}`,
      accept: ACCEPT_ATTRIBUTE,
    })}
    ${checkbox(paper, "public", "Anyone may read this paper once the minutes are published")}
    ${button({ text: "Add the paper", variant: "secondary" })}`,
    { multipart: true },
  )}`
      : ""
  }`;
}
