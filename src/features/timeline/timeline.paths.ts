// Addresses of the timeline, for its own pages and for others that link to it (the home page
// links to TIMELINE_PATH as a plain href).

export const TIMELINE_PATH = "/timeline";
export const TIMELINE_LOAD_PATH = "/timeline/load";
export const TIMELINE_ICS_PATH = "/timeline.ics";
export const TIMELINE_CSV_PATH = "/timeline.csv";
export const MANAGE_TIMELINE_PATH = "/manage/timeline";
export const NEW_TIMELINE_ITEM_PATH = "/manage/timeline/new";

export const timelineItemPath = (id: number) => `/timeline/${id}`;
export const audienceCalendarPath = (slug: string) => `/timeline/audiences/${encodeURIComponent(slug)}.ics`;
export const manageTimelineItemPath = (id: number) => `/manage/timeline/${id}`;
export const publishTimelineItemPath = (id: number) => `/manage/timeline/${id}/publish`;
/** A route map's page (route-maps owns it; its path helper lives in its views). */
export const themePagePath = (slug: string) => `/themes/${encodeURIComponent(slug)}`;
