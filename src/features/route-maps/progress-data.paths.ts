// Where the roll-up tables are downloaded as CSV, for the routes and the views that link to them.

/** The roll-up of the programme, or of one foundation, as CSV. */
export function progressDataPath(foundationSlug?: string): string {
  return foundationSlug
    ? `/foundations/${encodeURIComponent(foundationSlug)}/progress.csv`
    : "/route-maps/progress.csv";
}
