import type { Db } from "../../platform/database.ts";
import type { MembershipRole } from "./landscape.types.ts";

// Bulk reads for open data (CSV downloads and the API): every membership with the names it points
// to, in one query, so a download never costs a query per group.

export interface MembershipRecord {
  id: number;
  group: { id: number; slug: string; name: string };
  person: { id: number; name: string };
  organisation: { id: number; slug: string; name: string } | null;
  role: MembershipRole;
  deputyFor: { id: number; name: string } | null;
  from: string | null;
  to: string | null;
}

/** Every membership (or one group's), by group name, then role, then person's name. */
export async function listMembershipRecords(db: Db, groupId?: number): Promise<MembershipRecord[]> {
  const rows = await db
    .selectFrom("group_membership as m")
    .innerJoin("governance_group as g", "g.id", "m.group_id")
    .innerJoin("person as p", "p.id", "m.person_id")
    .leftJoin("organisation as o", "o.id", "m.organisation_id")
    .leftJoin("person as d", "d.id", "m.deputy_for_id")
    .select([
      "m.id",
      "m.role",
      "m.from_date",
      "m.to_date",
      "g.id as group_id",
      "g.slug as group_slug",
      "g.name as group_name",
      "p.id as person_id",
      "p.name as person_name",
      "o.id as organisation_id",
      "o.slug as organisation_slug",
      "o.name as organisation_name",
      "d.id as deputy_id",
      "d.name as deputy_name",
    ])
    .$if(groupId !== undefined, (q) => q.where("m.group_id", "=", groupId!))
    .orderBy("g.name")
    .orderBy("m.group_id")
    .orderBy("p.name")
    .orderBy("m.id")
    .execute();
  const order: Record<MembershipRole, number> = { co_chair: 0, secretariat: 1, member: 2, observer: 3 };
  return rows
    .map((r) => ({
      id: r.id,
      group: { id: r.group_id, slug: r.group_slug, name: r.group_name },
      person: { id: r.person_id, name: r.person_name },
      organisation:
        r.organisation_id === null
          ? null
          : { id: r.organisation_id, slug: r.organisation_slug!, name: r.organisation_name! },
      role: r.role,
      deputyFor: r.deputy_id === null ? null : { id: r.deputy_id, name: r.deputy_name! },
      from: r.from_date,
      to: r.to_date,
    }))
    .sort(
      (a, b) =>
        a.group.name.localeCompare(b.group.name, "en-GB") ||
        a.group.id - b.group.id ||
        order[a.role] - order[b.role] ||
        a.person.name.localeCompare(b.person.name, "en-GB") ||
        a.id - b.id,
    );
}
