import type { Db } from "../../platform/database.ts";
import * as repo from "./import.repository.ts";
import { foldName, nearName } from "./import-names.ts";

// Matching the names a document prints to the records Waymark has: the same name once case,
// spacing and punctuation are set aside is the same record; a name a letter or two away
// ("Andrew Warson" / "Andrew Watson") is offered for confirmation and, unless confirmed, becomes
// a record of its own, never merged silently.

export type MatchKind = "person" | "organisation" | "group";

export interface NearMatch {
  kind: MatchKind;
  /** The name as the document prints it. */
  name: string;
  /** The existing record it is close to. */
  existing: string;
}

export interface NameMatch {
  /** The name to record: the existing record's name when matched, else the printed one. */
  name: string;
  /** Matched an existing record (exactly, or as confirmed). */
  matched: boolean;
  near: NearMatch | null;
}

/** Names Waymark already holds, by folded name. */
export class NameIndex {
  private readonly byKey = new Map<string, string>();
  private readonly all: string[] = [];
  private readonly kind: MatchKind;
  /** Printed name (folded) → existing name, as a person confirmed them to be the same. */
  private readonly confirmed: Map<string, string>;

  constructor(kind: MatchKind, names: string[], confirmed: Map<string, string> = new Map()) {
    this.kind = kind;
    this.confirmed = confirmed;
    for (const name of names) this.add(name);
  }

  /** A record made during this import, so later mentions match it. */
  add(name: string): void {
    const key = foldName(name);
    if (!key || this.byKey.has(key)) return;
    this.byKey.set(key, name);
    this.all.push(name);
  }

  match(printed: string): NameMatch {
    const key = foldName(printed);
    const exact = this.byKey.get(key);
    if (exact !== undefined) return { name: exact, matched: true, near: null };
    const confirmed = this.confirmed.get(key);
    if (confirmed !== undefined) {
      const existing = this.byKey.get(foldName(confirmed));
      if (existing !== undefined) return { name: existing, matched: true, near: null };
    }
    const close = this.all.find((name) => nearName(name, printed));
    return {
      name: printed,
      matched: false,
      near: close === undefined ? null : { kind: this.kind, name: printed, existing: close },
    };
  }
}

/** "Andrew Warson=Andrew Watson" pairs (printed = existing), folded for lookup. */
export function confirmations(pairs: readonly string[] | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of pairs ?? []) {
    const at = pair.indexOf("=");
    if (at > 0) map.set(foldName(pair.slice(0, at)), pair.slice(at + 1).trim());
  }
  return map;
}

export async function peopleIndex(db: Db, confirmed?: Map<string, string>): Promise<NameIndex> {
  return new NameIndex("person", await repo.personNames(db), confirmed);
}

export async function organisationsIndex(db: Db, confirmed?: Map<string, string>): Promise<NameIndex> {
  return new NameIndex("organisation", await repo.organisationNames(db), confirmed);
}
