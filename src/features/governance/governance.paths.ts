// Where governance's pages live: groups, their meetings and minutes, papers and action logs. For
// governance's own pages and for the features that link to them (calendars, downloads, the API).

export const groupsPath = "/groups";
export const groupPath = (slug: string) => `/groups/${encodeURIComponent(slug)}`;
/** A meeting, with its minutes once published. */
export const meetingPath = (slug: string, meetingId: number) => `${groupPath(slug)}/meetings/${meetingId}`;
export const manageGroupPath = (slug: string) => `/manage/groups/${encodeURIComponent(slug)}`;
export const manageMeetingPath = (meetingId: number) => `/manage/meetings/${meetingId}`;
/** A paper's uploaded file: for anyone who may read the paper (see minutes.service getPaperFile). */
export const paperFilePath = (slug: string, paperId: number) => `${groupPath(slug)}/papers/${paperId}/file`;
/** A group's action log: public (published minutes' actions), its CSV, and the secretariat's view. */
export const actionLogPath = (slug: string) => `${groupPath(slug)}/actions`;
export const actionLogCsvPath = (slug: string) => `${groupPath(slug)}/actions.csv`;
export const manageActionLogPath = (slug: string) => `${manageGroupPath(slug)}/actions`;
