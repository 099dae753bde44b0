// Where an uploaded evidence document is downloaded from (evidence.routes.ts serves it).

export function evidenceFilePath(evidenceId: number): string {
  return `/evidence/${evidenceId}/file`;
}
