// The addresses of funding's pages, for its own views and for any feature that links to them.

export const FUNDS_PATH = "/funds";
export const MANAGE_FUNDS_PATH = "/manage/funds";

export function fundPath(slug: string): string {
  return `${FUNDS_PATH}/${encodeURIComponent(slug)}`;
}

export function manageFundPath(slug: string): string {
  return `${MANAGE_FUNDS_PATH}/${encodeURIComponent(slug)}`;
}
