// Where a meeting and its minutes live, in one place, for calendars, downloads and the API.

export function groupPath(slug: string): string {
  return `/groups/${encodeURIComponent(slug)}`;
}

export function meetingPath(groupSlug: string, meetingId: number): string {
  return `${groupPath(groupSlug)}/meetings/${meetingId}`;
}
