import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { ConflictError, NotFoundError, ValidationError } from "../../platform/errors.ts";
import { runChange } from "../../platform/http-forms.ts";
import { signInFirst } from "../../platform/http-pages.ts";
import { type Fields as Body, bodyOf, field, slugParam } from "../../platform/http-params.ts";
import { registerUploads, sizeInWords } from "../../platform/uploads.ts";
import { sendPage } from "../accountability/accountability.http.ts";
import { MAX_BULK_BYTES } from "./bulk.file.ts";
import {
  type BulkPreview,
  confirmBulkUpload,
  downloadSheet,
  getSheetRows,
  previewBulkUpload,
} from "./bulk.service.ts";
import { bulkPath, bulkPreviewTitle, bulkPreviewView, bulkTitle, bulkView } from "./views/bulk.view.ts";

// Updating many actions at once: the spreadsheet downloads (CSV, XLSX), the upload page, the
// multipart upload that answers with a preview (or every row's problem), and the confirmation.
// All for someone who may report for the organisation: its contributors and the programme team.

type Params = Record<string, string | undefined>;

interface UploadedFile {
  fileName: string;
  data: Buffer;
}

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

function organisationOf(request: FastifyRequest): string {
  return slugParam((request.params as Params).organisation, "organisation");
}

function savedOf(query: unknown): { count: number; submitted: boolean } | undefined {
  const q = (query ?? {}) as Record<string, unknown>;
  if (typeof q.saved !== "string" || !/^\d{1,6}$/.test(q.saved)) return undefined;
  return { count: Number(q.saved), submitted: q.submitted === "yes" };
}

export function bulkRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;

  async function bulkPage(
    request: FastifyRequest,
    reply: FastifyReply,
    slug: string,
    options: { fileError?: string; status?: number; saved?: { count: number; submitted: boolean } } = {},
  ): Promise<FastifyReply> {
    const { organisation, rows } = await getSheetRows(db, request.actor, slug);
    return sendPage(request, reply, {
      title: bulkTitle(organisation, options.fileError),
      status: options.status,
      breadcrumbs: [
        { href: "/progress", text: "Progress updates" },
        { href: `/progress/${encodeURIComponent(slug)}`, text: organisation.name },
      ],
      content: bulkView({
        organisation,
        csrfToken: request.csrfToken,
        actionCount: rows.length,
        fileError: options.fileError,
        saved: options.saved,
      }),
    });
  }

  for (const kind of ["csv", "xlsx"] as const)
    app.get(`/progress/:organisation/actions.${kind}`, async (request, reply) => {
      const redirect = signInFirst(request, reply, request.url);
      if (redirect) return redirect;
      const sheet = await downloadSheet(db, request.actor, organisationOf(request), kind);
      return reply
        .header("cache-control", "private, no-store")
        .header("content-disposition", `attachment; filename="${sheet.fileName}"`)
        .type(CONTENT_TYPES[kind])
        .send(sheet.body);
    });

  app.get("/progress/:organisation/upload", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url);
    if (redirect) return redirect;
    return bulkPage(request, reply, organisationOf(request), { saved: savedOf(request.query) });
  });

  app.post("/progress/:organisation/upload/:pendingId/confirm", async (request, reply) =>
    runChange(db, request, reply, {
      returnTo: request.url,
      ids: () => {
        const slug = organisationOf(request);
        const text = (request.params as Params).pendingId ?? "";
        const pendingId = /^\d{1,9}$/.test(text) ? Number(text) : 0;
        if (!pendingId) throw new NotFoundError("That upload was not found. Upload the file again.");
        return { slug, pendingId };
      },
      fields: [],
      change: async (trx, actor, _form, { ids: { slug, pendingId } }) => {
        const saved = await confirmBulkUpload(trx, actor, { organisationSlug: slug, pendingId });
        return `${bulkPath(slug)}?saved=${saved.saved}&submitted=${saved.submitted ? "yes" : "no"}`;
      },
      refused: (_state, _status, { ids }, error) => {
        // Only a conflict (the upload was confirmed or replaced meanwhile) is shown on the page.
        if (!(error instanceof ConflictError)) throw error;
        return bulkPage(request, reply, ids.slug, { fileError: error.message, status: 409 });
      },
    }),
  );

  // The upload is multipart: only this route reads it (src/platform/uploads.ts), the file held in
  // memory up to 5 MB. Its kind is judged by bulk.file.ts: a Windows-1252 CSV is not "plain text".
  app.register(async (scope) => {
    await registerUploads(scope, { maxBytes: MAX_BULK_BYTES, fields: 5 });
    // Not runChange: a multipart upload (size and kind refused by the upload checks, 413/400); it
    // keeps the file as a pending upload and answers with the preview page, not a redirect.
    scope.post("/progress/:organisation/upload", async (request, reply) => {
      const redirect = signInFirst(request, reply, request.url);
      if (redirect) return redirect;
      const slug = organisationOf(request);
      const body: Body = bodyOf(request);
      const file = body.file as (UploadedFile & { truncated?: boolean }) | undefined;
      if (file?.truncated) {
        await getSheetRows(db, request.actor, slug);
        return bulkPage(request, reply, slug, {
          fileError: `The file is larger than ${sizeInWords(MAX_BULK_BYTES)}. Upload only your organisation's actions.`,
          status: 413,
        });
      }
      if (
        !file ||
        typeof file !== "object" ||
        !file.fileName ||
        !Buffer.isBuffer(file.data) ||
        file.data.length === 0
      ) {
        await getSheetRows(db, request.actor, slug);
        return bulkPage(request, reply, slug, {
          fileError: "Choose a CSV or Excel file to upload.",
          status: 400,
        });
      }
      let preview: BulkPreview;
      try {
        preview = await db.transaction().execute((trx) =>
          previewBulkUpload(trx, request.actor, {
            organisationSlug: slug,
            fileName: file.fileName,
            data: file.data,
            submit: field(body, "submit") === "yes",
          }),
        );
      } catch (error) {
        if (error instanceof ValidationError && error.fields.file)
          return bulkPage(request, reply, slug, { fileError: error.fields.file, status: 400 });
        throw error;
      }
      return sendPage(request, reply, {
        title: bulkPreviewTitle(preview),
        status: preview.errors.length > 0 ? 400 : 200,
        breadcrumbs: [
          { href: "/progress", text: "Progress updates" },
          { href: bulkPath(slug), text: "Update many actions at once" },
        ],
        content: bulkPreviewView(preview, request.csrfToken),
      });
    });
  });
}
