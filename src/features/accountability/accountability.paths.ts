// The addresses of accountability's pages, for its own views and for the features that link to
// them (organisations, rounds, bulk updates).

export function actionPath(themeSlug: string, key: string): string {
  return `/themes/${encodeURIComponent(themeSlug)}/actions/${encodeURIComponent(key)}`;
}

export function organisationPath(slug: string): string {
  return `/organisations/${encodeURIComponent(slug)}`;
}

export function updateFormPath(organisationSlug: string, themeSlug: string, key: string): string {
  return `/progress/${encodeURIComponent(organisationSlug)}/${encodeURIComponent(themeSlug)}/${encodeURIComponent(key)}`;
}

export function responsibilityPath(themeSlug: string, key: string): string {
  return `/manage${actionPath(themeSlug, key)}/responsibility`;
}
