import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppDeps } from "../../platform/app-deps.ts";
import { NotFoundError, ValidationError } from "../../platform/errors.ts";
import { runChange } from "../../platform/http-forms.ts";
import { sendPrivatePage, signInFirst } from "../../platform/http-pages.ts";
import { slugParam } from "../../platform/http-params.ts";
import { authorize } from "../../platform/security/authorize.ts";
import { registerUploads, sizeInWords } from "../../platform/uploads.ts";
import { formTitle } from "../../platform/views/forms.ts";
import { findIndicator, listIndicatorVersions } from "./framework.repository.ts";
import { setIndicatorPublished } from "./framework.service.ts";
import { indicatorEditRoutes } from "./indicator-edit.routes.ts";
import { indicatorExtrasRoutes } from "./indicator-extras.routes.ts";
import { getFramework, getIndicator } from "./indicator-read.service.ts";
import { listUploads } from "./observation.repository.ts";
import { confirmUpload, previewUpload } from "./upload.service.ts";
import { MAX_UPLOAD_BYTES } from "./upload-file.ts";
import { manageIndicatorsView } from "./views/manage.view.ts";
import { previewView, uploadView } from "./views/upload.view.ts";

// The analyst's pages: the list of indicators (publish, withdraw), and loading data: upload a
// file (multipart), see its preview or its row-level errors, confirm to save.

type SlugRequest = { Params: { slug: string } };
type Body = Record<string, unknown>;
interface UploadedFile {
  fileName: string;
  data: Buffer;
  truncated: boolean;
}

async function uploadPage(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  slug: string,
  options: { saved?: boolean; fileError?: string; status?: number } = {},
): Promise<FastifyReply> {
  authorize(request.actor, "indicator.edit");
  const indicator = await getIndicator(deps.db, request.actor, slug);
  const uploads = (await listUploads(deps.db, indicator.id)).map((u) => ({
    fileName: u.file_name,
    rows: u.rows,
    added: u.added,
    replaced: u.replaced,
    unchanged: u.unchanged,
    uploadedBy: u.uploaded_by,
    uploadedAt: u.uploaded_at,
  }));
  return sendPrivatePage(request, reply, {
    title: formTitle(`Load data: ${indicator.title}`, Boolean(options.fileError)),
    status: options.status,
    content: uploadView(indicator, request.csrfToken, uploads, options),
  });
}

export function indicatorManageRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { db } = deps;
  indicatorEditRoutes(app, deps);
  indicatorExtrasRoutes(app, deps);

  app.get("/manage/indicators", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url.split("?")[0]);
    if (redirect) return redirect;
    authorize(request.actor, "indicator.edit");
    const visions = await getFramework(db, request.actor);
    const versions = new Map((await listIndicatorVersions(db)).map((i) => [i.slug, i.version]));
    const saved = (request.query as Record<string, unknown>).saved;
    return sendPrivatePage(request, reply, {
      title: "Manage indicators",
      content: manageIndicatorsView(
        visions,
        versions,
        request.csrfToken,
        typeof saved === "string" ? saved : undefined,
      ),
    });
  });

  app.post<SlugRequest>("/manage/indicators/:slug/publish", async (request, reply) =>
    runChange(db, request, reply, {
      returnTo: request.url.split("?")[0] ?? request.url,
      ids: (params) => ({ slug: slugParam(params.slug, "indicator") }),
      fields: ["published"],
      change: async (trx, actor, _form, { ids: { slug }, values, version }) => {
        const published = values.published === "yes";
        await setIndicatorPublished(trx, actor, { slug, published, version });
        return `/manage/indicators?saved=${published ? "published" : "withdrawn"}`;
      },
    }),
  );

  app.get<SlugRequest>("/manage/indicators/:slug/upload", async (request, reply) => {
    const redirect = signInFirst(request, reply, request.url.split("?")[0]);
    if (redirect) return redirect;
    const saved = (request.query as Record<string, unknown>).saved === "1";
    return uploadPage(deps, request, reply, slugParam(request.params.slug, "indicator"), { saved });
  });

  app.post<{ Params: { slug: string; pendingId: string } }>(
    "/manage/indicators/:slug/upload/:pendingId",
    async (request, reply) =>
      runChange(db, request, reply, {
        returnTo: request.url.split("?")[0] ?? request.url,
        ids: (params) => {
          const slug = slugParam(params.slug, "indicator");
          const text = params.pendingId ?? "";
          const pendingId = /^\d{1,9}$/.test(text) ? Number(text) : 0;
          if (!pendingId) throw new NotFoundError("That upload was not found. Upload the file again.");
          return { slug, pendingId };
        },
        fields: [],
        change: async (trx, actor, _form, { ids: { slug, pendingId } }) => {
          await confirmUpload(trx, actor, { indicatorSlug: slug, pendingId });
          return `/manage/indicators/${slug}/upload?saved=1`;
        },
      }),
  );

  // Uploads are multipart: only this route reads them, with the file held in memory (20 MB at most).
  app.register(async (scope) => {
    await registerUploads(scope, { maxBytes: MAX_UPLOAD_BYTES, fields: 5, field: "file" });
    // Not runChange: a multipart upload (size and kind refused by the upload checks, 413/400); it
    // keeps the file as a pending upload and answers with the preview page, not a redirect.
    scope.post<SlugRequest>("/manage/indicators/:slug/upload", async (request, reply) => {
      const redirect = signInFirst(request, reply, request.url.split("?")[0]);
      if (redirect) return redirect;
      const slug = slugParam(request.params.slug, "indicator");
      authorize(request.actor, "indicator.edit");
      if (!(await findIndicator(db, slug))) throw new NotFoundError("There is no indicator at this address.");
      const file = ((request.body ?? {}) as Body).file as UploadedFile | undefined;
      if (file && typeof file === "object" && file.truncated)
        return uploadPage(deps, request, reply, slug, {
          fileError: `The file must be ${sizeInWords(MAX_UPLOAD_BYTES)} or smaller.`,
          status: 413,
        });
      if (!file || typeof file !== "object" || !file.fileName || file.data.length === 0)
        return uploadPage(deps, request, reply, slug, {
          fileError: "Choose a CSV or Excel file to upload.",
          status: 400,
        });
      let preview: Awaited<ReturnType<typeof previewUpload>>;
      try {
        preview = await db.transaction().execute((trx) =>
          previewUpload(trx, request.actor, {
            indicatorSlug: slug,
            fileName: file.fileName,
            data: file.data,
          }),
        );
      } catch (error) {
        if (error instanceof ValidationError && error.fields.file)
          return uploadPage(deps, request, reply, slug, { fileError: error.fields.file, status: 400 });
        throw error;
      }
      const indicator = await getIndicator(db, request.actor, slug);
      return sendPrivatePage(request, reply, {
        title: formTitle(`Check before saving: ${indicator.title}`, !preview.ok),
        status: preview.ok ? 200 : 400,
        content: previewView(indicator, request.csrfToken, preview),
      });
    });
  });
}
