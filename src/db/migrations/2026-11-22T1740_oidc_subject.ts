import type { Kysely } from "kysely";

// Frozen in time: this migration must never change once released. Later changes get new files.
// Single sign-on: the first sign-in through the OpenID Connect provider matches an account by its
// email address and keeps the provider's subject (its unchanging id for the person), so later
// sign-ins find the account by the subject even if the email address changes at the provider.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("app_user")
    .addColumn("oidc_subject", "text", (c) => c.unique())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("app_user").dropColumn("oidc_subject").execute();
}
