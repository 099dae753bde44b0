import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Actor } from "../../platform/actor.ts";
import type { AppDeps } from "../../platform/app-deps.ts";
import type { Db } from "../../platform/database.ts";
import { type FieldErrors, ForbiddenError, ValidationError } from "../../platform/errors.ts";
import { sendPrivatePage as sendPage, signInFirst } from "../../platform/http-pages.ts";
import { can } from "../../platform/security/authorize.ts";
import { registerUploads } from "../../platform/uploads.ts";
import type { GroupSummary } from "../governance/governance.types.ts";
import { listGroups } from "../governance/group.service.ts";
import { parseDocument } from "./document.parser.ts";
import { importDocument } from "./document-import.service.ts";
import { DocumentRefusedError, MAX_DOCUMENT_BYTES } from "./document-input.ts";
import type { MinutesResult } from "./minutes.types.ts";
import { type MinutesPlan, MissingGroupError, planMinutesImport } from "./minutes-import.service.ts";
import { importReviewView } from "./views/import-review.view.ts";
import { importUploadView, type UploadFormValues } from "./views/import-upload.view.ts";

// The upload page (/manage/import): choose or paste a document, see what it holds and what
// importing it will create or match, then import it. The check saves nothing; the import is
// the same importDocument the command line uses. Programme editors import anything; a group's
// secretary imports that group's minutes (the services decide, per document).

interface UploadedFile {
  fileName: string;
  data: Buffer;
  truncated: boolean;
}
type Body = Record<string, unknown>;

const OUTCOMES: Record<string, string> = {
  created: "The document was imported. What it holds is now in Waymark, as a draft where it can be one.",
  matched: "Waymark already had what this document says, so nothing was changed.",
  skipped: "This document was imported before, so nothing was changed.",
};

/** May the actor import anything at all (the page)? The services check each document. */
function mayImport(actor: Actor): boolean {
  return can(actor, "route_map.edit") || can(actor, "group.manage");
}

function text(body: Body, name: string): string | undefined {
  const value = body[name];
  return typeof value === "string" ? value : undefined;
}

/** The groups whose minutes the actor may import, for the form's list. */
async function groupsFor(db: AppDeps["db"], actor: Actor) {
  return (await listGroups(db)).filter((g) => can(actor, "group.manage", { groupId: g.id }));
}

/**
 * The review's plan for minutes. Minutes of a group Waymark does not have are planned with the
 * group to be created (the review asks for that to be ticked), if the asker may create groups;
 * otherwise the form says which group is missing.
 */
async function planWithNewGroup(
  db: Db,
  actor: Actor,
  parsed: MinutesResult,
  groupSlug: string | undefined,
): Promise<{ plan: MinutesPlan; nearestGroup: GroupSummary | null }> {
  try {
    return { plan: await planMinutesImport(db, actor, parsed, { groupSlug }), nearestGroup: null };
  } catch (error) {
    if (!(error instanceof MissingGroupError) || !can(actor, "group.create")) throw error;
    const plan = await planMinutesImport(db, actor, parsed, { groupSlug, createGroup: true });
    return { plan, nearestGroup: error.nearest };
  }
}

export function importRoutes(app: FastifyInstance, { db }: AppDeps): void {
  const guard = (request: FastifyRequest, reply: FastifyReply): FastifyReply | null => {
    const redirect = signInFirst(request, reply, "/manage/import");
    if (redirect) return redirect;
    if (!mayImport(request.actor)) throw new ForbiddenError();
    return null;
  };

  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: UploadFormValues,
    errors: FieldErrors,
    done?: { title: string; body: string },
  ) =>
    sendPage(request, reply, {
      title: Object.keys(errors).length ? "Error: Import a document" : "Import a document",
      status: Object.keys(errors).length ? 400 : 200,
      content: importUploadView({
        csrfToken: request.csrfToken,
        groups: await groupsFor(db, request.actor),
        values,
        errors,
        done,
      }),
    });

  app.get("/manage/import", async (request, reply) => {
    const redirect = guard(request, reply);
    if (redirect) return redirect;
    const outcome = (request.query as Record<string, string | undefined>).outcome;
    const done = outcome && OUTCOMES[outcome] ? { title: "Imported", body: OUTCOMES[outcome] } : undefined;
    return showForm(request, reply, {}, {}, done);
  });

  // The check: multipart (a file) or a plain form (pasted text). Only this scope reads multipart.
  app.register(async (scope) => {
    await registerUploads(scope, { maxBytes: MAX_DOCUMENT_BYTES, fields: 10, field: "document" });
    // Not runChange: a multipart upload that saves nothing yet; it answers with what would be imported.
    scope.post("/manage/import", async (request, reply) => {
      const redirect = guard(request, reply);
      if (redirect) return redirect;
      const body = (request.body ?? {}) as Body;
      const values = { text: text(body, "text"), source: text(body, "source"), group: text(body, "group") };
      const file = body.document as UploadedFile | undefined;
      const chosen = file && typeof file === "object" && file.data.length > 0 ? file : undefined;
      // A browser always names the file it sends; content without a name did not come from the form.
      if (chosen && !chosen.fileName)
        return showForm(request, reply, values, {
          document: "The file arrived without its name: choose it again",
        });
      if (chosen?.truncated) {
        return showForm(request, reply, values, {
          document: "The file is larger than 2 MB: it cannot be a route map, minutes or progress update.",
        });
      }
      const bytes = chosen
        ? new Uint8Array(chosen.data)
        : new TextEncoder().encode(values.text?.trim() ?? "");
      if (bytes.byteLength === 0) {
        return showForm(request, reply, values, { document: "Choose a file, or paste the document's text" });
      }
      const fileName = (chosen?.fileName ?? "").slice(0, 200) || "pasted text";
      try {
        const parsed = parseDocument(bytes);
        const { plan, nearestGroup } =
          parsed.kind === "minutes"
            ? await planWithNewGroup(db, request.actor, parsed, values.group || undefined)
            : { plan: null, nearestGroup: null };
        if (parsed.kind !== "minutes" && !can(request.actor, "route_map.edit")) throw new ForbiddenError();
        return sendPage(request, reply, {
          title: "Check before importing",
          content: importReviewView({
            csrfToken: request.csrfToken,
            fileName,
            document: Buffer.from(bytes).toString("base64"),
            source: values.source ?? "",
            group: values.group ?? "",
            parsed,
            plan,
            nearestGroup,
          }),
        });
      } catch (error) {
        if (error instanceof DocumentRefusedError)
          return showForm(request, reply, values, { document: error.message });
        if (error instanceof ValidationError) {
          const [field, message] = Object.entries(error.fields)[0] ?? ["document", error.message];
          return showForm(request, reply, values, { [field === "group" ? "group" : "document"]: message });
        }
        throw error;
      }
    });
  });

  // A document up to 2 MB comes back as base64 in the form: allow for it.
  // Not runChange: the document arrives base64 in the form (not a field to keep), and a refused
  // document (DocumentRefusedError, not a field error) comes back as the form's file error.
  app.post("/manage/import/confirm", { bodyLimit: 4 * MAX_DOCUMENT_BYTES }, async (request, reply) => {
    const redirect = guard(request, reply);
    if (redirect) return redirect;
    const body = (request.body ?? {}) as Body;
    const encoded = text(body, "document") ?? "";
    const bytes = new Uint8Array(Buffer.from(encoded, "base64"));
    if (bytes.byteLength === 0) {
      return showForm(request, reply, {}, { document: "Choose a file, or paste the document's text" });
    }
    const same = body.same;
    const pairs = (Array.isArray(same) ? same : [same]).filter((s): s is string => typeof s === "string");
    try {
      const report = await importDocument(db, request.actor, {
        fileName: (text(body, "fileName") ?? "").slice(0, 200) || "pasted text",
        bytes,
        sourceAddress: text(body, "source"),
        groupSlug: text(body, "group") || undefined,
        same: pairs,
        createGroup: text(body, "createGroup") === "yes",
      });
      return reply.redirect(`/manage/import?outcome=${report.outcome}`, 303);
    } catch (error) {
      if (error instanceof DocumentRefusedError || error instanceof ValidationError) {
        return showForm(request, reply, { group: text(body, "group") }, { document: error.message });
      }
      throw error;
    }
  });
}
