import type { FieldErrors } from "../../../platform/errors.ts";
import { html, type SafeHtml } from "../../../platform/html.ts";
import { checkboxes } from "../../../platform/views/components/checkboxes.ts";
import { pageHeader } from "../../../platform/views/components/page-header.ts";
import {
  button,
  csrfField,
  errorSummary,
  formTitle,
  hiddenField,
  select,
  textInput,
} from "../../../platform/views/forms.ts";
import { organisationPath } from "../../accountability/accountability.paths.ts";
import { ORGANISATION_TYPE_LABELS, ORGANISATION_TYPES } from "../organisation.types.ts";
import type { OrganisationToChange } from "../organisation-edit.service.ts";

// The form that adds an organisation to the register, and the one that changes an organisation's
// kind, area code and sectors (organisation.manage).

export interface OrganisationFormValues {
  name?: string | undefined;
  type?: string | undefined;
  areaCode?: string | undefined;
  sectors?: string[] | undefined;
}

export interface OrganisationFormModel {
  csrfToken: string;
  sectors: Array<{ id: number; name: string }>;
  /** The organisation being changed, as saved now; absent when adding one. */
  organisation?: OrganisationToChange | undefined;
  values?: OrganisationFormValues | undefined;
  errors?: FieldErrors | undefined;
  /** Why the change was refused when someone else saved first: what is saved now is shown too. */
  conflict?: string | undefined;
}

export const NEW_ORGANISATION_PATH = "/manage/organisations/new";

export function organisationEditPath(slug: string): string {
  return `/manage/organisations/${encodeURIComponent(slug)}`;
}

const FIELD_IDS: Record<string, string> = {
  name: "name",
  type: "type",
  areaCode: "areaCode",
  sectors: "sectors-0",
};

function heading(model: OrganisationFormModel): string {
  return model.organisation ? `Change ${model.organisation.name}` : "Add an organisation";
}

export function organisationFormTitle(model: OrganisationFormModel): string {
  return formTitle(heading(model), Boolean(model.conflict) || Object.keys(model.errors ?? {}).length > 0);
}

/** After a conflict, what is saved now in each field the person answered differently. */
function savedNow(model: OrganisationFormModel, values: OrganisationFormValues) {
  const o = model.organisation;
  const none: Record<"type" | "areaCode" | "sectors", SafeHtml | undefined> = {
    type: undefined,
    areaCode: undefined,
    sectors: undefined,
  };
  if (!model.conflict || !o) return none;
  const note = (words: string) => html`<strong>Saved version now:</strong> ${words || "(empty)"}`;
  const savedSectors = o.sectors.map((s) => String(s.id)).sort();
  const chosen = [...new Set(values.sectors ?? [])].sort();
  return {
    type: (values.type ?? o.type) === o.type ? undefined : note(ORGANISATION_TYPE_LABELS[o.type]),
    areaCode: (values.areaCode ?? "").trim() === (o.areaCode ?? "") ? undefined : note(o.areaCode ?? ""),
    sectors:
      chosen.join() === savedSectors.join()
        ? undefined
        : note(o.sectors.map((s) => s.name).join(", ") || "none"),
  };
}

export function organisationFormView(model: OrganisationFormModel): SafeHtml {
  const errors = model.errors ?? {};
  const o = model.organisation;
  const values: OrganisationFormValues = model.values ?? {
    type: o?.type,
    areaCode: o?.areaCode ?? "",
    sectors: o?.sectors.map((s) => String(s.id)) ?? [],
  };
  const chosen = new Set(values.sectors ?? []);
  const saved = savedNow(model, values);
  return html`${errorSummary({
    description: model.conflict,
    errors: Object.entries(errors).map(([name, message]) => ({
      href: `#${FIELD_IDS[name] ?? name}`,
      message,
    })),
  })}
  ${pageHeader({ title: heading(model) })}
  <p>${
    o
      ? "Say what kind of organisation it is and which sectors it belongs to. An action that names a sector is one this organisation must act on too."
      : "Add an organisation that must act on route-map actions or sits on a group. Minutes add the organisations they name by themselves; add one here to say what kind it is from the start."
  }</p>
  <form method="post" action="${o ? organisationEditPath(o.slug) : "/manage/organisations"}" novalidate>
    ${csrfField(model.csrfToken)}${o ? hiddenField("version", o.version) : ""}
    ${
      o
        ? ""
        : textInput({
            id: "name",
            name: "name",
            label: "Name",
            hint: "Its usual name, for example Scottish Government.",
            value: values.name,
            error: errors.name,
          })
    }
    ${select({
      id: "type",
      name: "type",
      label: "What kind of organisation it is",
      hint: saved.type,
      value: values.type ?? "other",
      error: errors.type,
      options: ORGANISATION_TYPES.map((t) => ({ value: t, text: ORGANISATION_TYPE_LABELS[t] })),
    })}
    ${textInput({
      id: "areaCode",
      name: "areaCode",
      label: "Area code (for a council or health board only)",
      hint: html`The official code of the area it serves, an S and 8 digits, for example S12000033.${saved.areaCode ? html` ${saved.areaCode}` : ""}`,
      value: values.areaCode,
      error: errors.areaCode,
      width: "fixed-10",
    })}
    ${checkboxes({
      idPrefix: "sectors",
      name: "sectors",
      legend: "Sectors it belongs to",
      hint: html`Choose none if it belongs to no sector.${saved.sectors ? html` ${saved.sectors}` : ""}`,
      error: errors.sectors,
      items: model.sectors.map((s) => ({
        value: String(s.id),
        text: s.name,
        checked: chosen.has(String(s.id)),
      })),
    })}
    ${button({ text: o ? "Save the changes" : "Add the organisation" })}
  </form>
  ${o ? html`<p><a href="${organisationPath(o.slug)}">Back to ${o.name}</a></p>` : html`<p><a href="/organisations">Back to the organisations</a></p>`}`;
}
