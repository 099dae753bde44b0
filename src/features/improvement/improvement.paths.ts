// Addresses of improvement pages, for links from elsewhere.

export const IMPROVEMENT_PATH = "/improvement";
export const MANAGE_IMPROVEMENT_PATH = "/manage/improvement";

export function projectPath(slug: string): string {
  return `${IMPROVEMENT_PATH}/${encodeURIComponent(slug)}`;
}

export function measureCsvPath(slug: string, measureId: number): string {
  return `${projectPath(slug)}/measures/${measureId}.csv`;
}

export function manageProjectPath(slug: string): string {
  return `${MANAGE_IMPROVEMENT_PATH}/${encodeURIComponent(slug)}`;
}

export function manageMeasurePath(slug: string, measureId: number): string {
  return `${manageProjectPath(slug)}/measures/${measureId}`;
}
