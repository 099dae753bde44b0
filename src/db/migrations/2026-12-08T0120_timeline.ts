import { type Kysely, sql } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// The forward timeline (issue 18): audiences as data, seeded with the people the programme asks
// most often; timeline items (bills, strategies, consultations, events, deadlines …) with an owner
// organisation, a date or a window (an approximate one keeps its words, "autumn 2027", beside the
// window it stands for), a status, a link, a published flag and a version; and what each item is
// for: its audiences, route-map themes and governance groups.

const KINDS = [
  "bill",
  "strategy",
  "guidance",
  "consultation",
  "survey",
  "call_for_evidence",
  "report",
  "event",
  "deadline",
];
const STATUSES = ["planned", "open", "closed", "published", "withdrawn"];

const AUDIENCES: Array<[string, string, string]> = [
  [
    "children-and-young-people",
    "Care-experienced children and young people",
    "Children and young people who are in care now, or have been.",
  ],
  ["care-experienced-adults", "Care-experienced adults", "Adults who were in care when they were young."],
  [
    "families-and-carers",
    "Families and carers",
    "Parents, brothers and sisters, kinship carers, foster carers and adoptive parents.",
  ],
  [
    "workforce",
    "The workforce",
    "People who work with children, young people and families: social workers, residential staff, teachers, nurses and others.",
  ],
  ["local-authorities", "Local authorities", "Scotland's 32 councils, which run children's services."],
  ["third-sector", "Third sector", "Charities and voluntary organisations."],
  ["health-boards", "Health boards", "The NHS boards that run health services in each area."],
];

function list(values: string[]) {
  return sql.raw(values.map((v) => `'${v}'`).join(", "));
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("audience")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();
  await db
    .insertInto("audience" as never)
    .values(
      AUDIENCES.map(([slug, name, description], i) => ({
        slug,
        name,
        description,
        position: i + 1,
      })) as never,
    )
    .execute();

  await db.schema
    .createTable("timeline_item")
    .addColumn("id", "serial", (c) => c.primaryKey())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in (${list(KINDS)})`))
    .addColumn("organisation_id", "integer", (c) => c.notNull().references("organisation.id"))
    .addColumn("starts_on", "date", (c) => c.notNull())
    // Null: a single day. Otherwise the last day of the window, inclusive.
    .addColumn("ends_on", "date")
    // The words of an approximate date ("autumn 2027"); starts_on and ends_on are its window.
    .addColumn("approximate", "text")
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in (${list(STATUSES)})`))
    .addColumn("link", "text")
    .addColumn("published", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("timeline_item_window", sql`ends_on is null or ends_on >= starts_on`)
    .addCheckConstraint("timeline_item_approximate_window", sql`approximate is null or ends_on is not null`)
    .execute();
  await db.schema.createIndex("timeline_item_starts_on").on("timeline_item").column("starts_on").execute();

  const links: Array<[string, string, string]> = [
    ["timeline_item_audience", "audience_id", "audience.id"],
    ["timeline_item_theme", "theme_id", "theme.id"],
    ["timeline_item_group", "group_id", "governance_group.id"],
  ];
  for (const [table, column, references] of links)
    await db.schema
      .createTable(table)
      .addColumn("item_id", "integer", (c) => c.notNull().references("timeline_item.id").onDelete("cascade"))
      .addColumn(column, "integer", (c) => c.notNull().references(references).onDelete("cascade"))
      .addPrimaryKeyConstraint(`${table}_pkey`, ["item_id", column])
      .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    "timeline_item_group",
    "timeline_item_theme",
    "timeline_item_audience",
    "timeline_item",
    "audience",
  ])
    await db.schema.dropTable(table).execute();
}
