import { importDocument } from "../../src/features/import/document-import.service.ts";
import type { Db } from "../../src/platform/database.ts";
import { actorWith } from "./accounts.ts";
import type { Samples } from "./html-samples.ts";
import { importFixture } from "./import-fixtures.ts";

/** Sample addresses of the commitments page, for the HTML-validity test: with an imported progress update. */
export async function commitmentsPages(db: Db): Promise<Samples> {
  const editor = await actorWith(db, [{ role: "programme_editor" }]);
  await importDocument(db, editor, {
    fileName: "progress-update-part2.txt",
    bytes: importFixture("progress/progress-update-part2.txt"),
    sourceAddress: "https://www.gov.scot/publications/progress-update/pages/part-2/",
  });
  return { "/commitments": [{ label: "with an imported progress update" }] };
}
