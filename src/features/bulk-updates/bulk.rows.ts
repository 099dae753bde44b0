import { isFormulaLike, restore } from "../../platform/csv.ts";
import { clean, PARAGRAPH_TEXT } from "../../platform/validation.ts";
import {
  CONFIDENCE_LEVELS,
  type Confidence,
  type ProgressStatus,
  STATUSES,
  statusInfo,
} from "../accountability/progress-status.ts";
import { COLUMNS, type ColumnName, INFORMATION, REQUIRED } from "./bulk.sheet.ts";

// Checking an uploaded spreadsheet, row by row, against the actions it names: pure, so every rule
// is tested without a database. Nothing is saved here; a row is a change only if it says
// something different from what the organisation's page shows now (its draft, else the newest
// submitted update), so a file downloaded and uploaded again without edits changes nothing.
//
// Decisions: headings are matched whatever their case and spacing; columns Waymark did not write
// are named in the preview and ignored (people add their own notes); the reading-only columns
// (route map, action, role, due) may be changed or removed without effect; an empty percent means
// the status's usual figure and an empty confidence "self-assessed"; a row with every cell empty
// is skipped.

export interface Values {
  status: ProgressStatus;
  percent: number;
  confidence: Confidence;
  narrative: string;
}

/** An action the file may name, as it stands now. */
export interface KnownAction {
  themeId: number;
  key: string;
  themeName: string;
  text: string;
  version: number;
  /** Whether the uploading organisation must act on it (it may change only those). */
  owed: boolean;
  /** What the organisation's page shows now: its draft, else the newest submitted update. */
  current: Values | null;
  /** The organisation has a draft (submitting the file submits it even if unchanged). */
  hasDraft: boolean;
}

export interface RowError {
  /** The spreadsheet's row number, the heading row being 1. */
  row: number;
  column?: string;
  message: string;
}

export interface BulkChange {
  row: number;
  reference: string;
  themeId: number;
  actionKey: string;
  themeName: string;
  actionText: string;
  version: number;
  before: Values | null;
  after: Values;
  /** "change": new words or figures; "submit": the organisation's draft, submitted as it is. */
  kind: "change" | "submit";
}

export interface BulkCheck {
  changes: BulkChange[];
  errors: RowError[];
  /** Headings Waymark did not write, ignored. */
  ignoredColumns: string[];
  unchanged: number;
  rowCount: number;
}

const headingKey = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

const STATUS_LIST = STATUSES.map((s) => s.label).join(", ");
const CONFIDENCE_LIST = CONFIDENCE_LEVELS.map((c) => c.label).join(", ");

function findStatus(text: string): ProgressStatus | null {
  const key = headingKey(text).replaceAll("_", " ");
  return STATUSES.find((s) => s.label.toLowerCase() === key)?.code ?? null;
}

function findConfidence(text: string): Confidence | null {
  const key = headingKey(text).replaceAll("_", " ").replace("self assessed", "self-assessed");
  return CONFIDENCE_LEVELS.find((c) => c.label.toLowerCase() === key)?.code ?? null;
}

function sameValues(a: Values | null, b: Values): boolean {
  return (
    a !== null &&
    a.status === b.status &&
    a.percent === b.percent &&
    a.confidence === b.confidence &&
    a.narrative === b.narrative
  );
}

/** Reads the heading row: where each column is, which are missing, which are not Waymark's. */
function readHeadings(headings: string[], errors: RowError[]) {
  const at = new Map<ColumnName, number>();
  const ignored: string[] = [];
  const byKey = new Map(
    (Object.entries(COLUMNS) as Array<[ColumnName, string]>).map(([name, text]) => [headingKey(text), name]),
  );
  headings.forEach((text, index) => {
    const name = byKey.get(headingKey(text));
    if (!name) {
      if (text.trim() !== "") ignored.push(text.trim());
      return;
    }
    if (at.has(name))
      errors.push({ row: 1, column: COLUMNS[name], message: `The ${COLUMNS[name]} column appears twice` });
    else at.set(name, index);
  });
  for (const name of REQUIRED)
    if (!at.has(name))
      errors.push({
        row: 1,
        column: COLUMNS[name],
        message: `The ${COLUMNS[name]} column is missing: keep the headings of the file you downloaded`,
      });
  return { at, ignored };
}

/** Checks every row of the table (heading row first) for one organisation. */
export function checkBulkRows(
  table: string[][],
  known: ReadonlyMap<string, KnownAction>,
  options: { organisationName: string; submit: boolean },
): BulkCheck {
  const errors: RowError[] = [];
  const changes: BulkChange[] = [];
  let unchanged = 0;
  const { at, ignored } = readHeadings(table[0] ?? [], errors);
  const body = table.slice(1);
  const rowCount = body.filter((cells) => cells.some((c) => c.trim() !== "")).length;
  if (errors.length > 0) return { changes, errors, ignoredColumns: ignored, unchanged, rowCount };
  if (rowCount === 0)
    errors.push({ row: 2, message: "The file has no rows under its headings: there is nothing to update" });
  const seen = new Map<string, number>();

  body.forEach((cells, index) => {
    const row = index + 2;
    if (!cells.some((c) => c.trim() !== "")) return;
    const rowErrors: RowError[] = [];
    // One problem per cell: a formula-like cell is not also "empty".
    const refuse = (name: ColumnName, message: string) => {
      if (!rowErrors.some((e) => e.column === COLUMNS[name]))
        rowErrors.push({ row, column: COLUMNS[name], message });
    };
    const cell = (name: ColumnName): string => {
      const raw = cells[at.get(name)!] ?? "";
      if (isFormulaLike(raw)) {
        refuse(
          name,
          `${COLUMNS[name]} begins with "${JSON.stringify(raw[0]).slice(1, -1)}", so a spreadsheet would run it as a formula. Take that character away, or put an apostrophe (') before it to keep it as text`,
        );
        return "";
      }
      return restore(raw);
    };
    const values = Object.fromEntries(
      (Object.keys(COLUMNS) as ColumnName[])
        .filter((name) => !INFORMATION.includes(name))
        .map((name) => [name, cell(name)]),
    ) as Record<ColumnName, string>;

    const reference = values.reference.trim();
    const action = known.get(reference);
    if (reference === "")
      refuse("reference", "Reference is empty: keep the reference from the downloaded file");
    else if (!action)
      refuse(
        "reference",
        `No action has the reference "${reference}": keep the reference from the downloaded file`,
      );
    else if (!action.owed)
      refuse("reference", `${options.organisationName} is not named on this action, so it cannot update it`);
    else if (seen.has(reference))
      refuse("reference", `This action is also on row ${seen.get(reference)}: give each action one row`);
    if (action && reference !== "") seen.set(reference, seen.get(reference) ?? row);

    const versionText = values.version.trim();
    const version = /^\d{1,9}$/.test(versionText) ? Number(versionText) : null;
    if (version === null) refuse("version", "Version must be the whole number from the downloaded file");

    const statusText = values.status.trim();
    const percentText = values.percent.trim().replace(/%$/, "");
    const confidenceText = values.confidence.trim();
    const narrative = clean(values.narrative);
    const empty = statusText === "" && percentText === "" && confidenceText === "" && narrative === "";
    if (empty && !action?.current && rowErrors.length === 0) {
      unchanged += 1;
      return;
    }
    const status = findStatus(statusText);
    if (!status)
      refuse(
        "status",
        statusText === ""
          ? `Status is empty: choose one of ${STATUS_LIST}`
          : `Status "${statusText}" is not one of ${STATUS_LIST}`,
      );
    let percent = status ? (statusInfo(status).percent ?? 0) : 0;
    if (percentText !== "") {
      if (/^\d{1,3}(\.0+)?$/.test(percentText) && Number(percentText) <= 100) percent = Number(percentText);
      else
        refuse(
          "percent",
          "Percent must be a whole number from 0 to 100, or left empty for the status's usual figure",
        );
    }
    const confidence = confidenceText === "" ? "self_assessed" : findConfidence(confidenceText);
    if (!confidence) refuse("confidence", `Confidence "${confidenceText}" is not one of ${CONFIDENCE_LIST}`);
    if (narrative.length > PARAGRAPH_TEXT)
      refuse(
        "narrative",
        `Narrative must be ${PARAGRAPH_TEXT.toLocaleString("en-GB")} characters or fewer; it has ${narrative.length.toLocaleString("en-GB")}`,
      );
    if (rowErrors.length > 0 || !action || !status || !confidence || version === null) {
      errors.push(...rowErrors);
      return;
    }

    const after: Values = { status, percent, confidence, narrative };
    const same = sameValues(action.current, after);
    if (same && !(options.submit && action.hasDraft)) {
      unchanged += 1;
      return;
    }
    if (options.submit && narrative === "") {
      errors.push({
        row,
        column: COLUMNS.narrative,
        message: "Narrative is empty: say what has happened before submitting",
      });
      return;
    }
    if (!same && version !== action.version) {
      errors.push({
        row,
        column: COLUMNS.version,
        message: `Someone at ${options.organisationName} has updated this action since the file was downloaded. Download the file again and copy your changes into it`,
      });
      return;
    }
    changes.push({
      row,
      reference,
      themeId: action.themeId,
      actionKey: action.key,
      themeName: action.themeName,
      actionText: action.text,
      version: action.version,
      before: action.current,
      after,
      kind: same ? "submit" : "change",
    });
  });
  return { changes, errors, ignoredColumns: ignored, unchanged, rowCount };
}
