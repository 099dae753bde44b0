import { sql } from "kysely";
import type { Db } from "../../platform/database.ts";

const COLUMNS = ["id", "email", "name", "status", "oidc_subject"] as const;

/** The account already linked to this single sign-on subject, if any. */
export function findUserByOidcSubject(db: Db, subject: string) {
  return db.selectFrom("app_user").select(COLUMNS).where("oidc_subject", "=", subject).executeTakeFirst();
}

/** The account with this email address, in any case ("Ann@Example.org" finds "ann@example.org"). */
export function findUserByEmailAnyCase(db: Db, email: string) {
  return db
    .selectFrom("app_user")
    .select(COLUMNS)
    .where(sql<string>`lower(email)`, "=", email.toLowerCase())
    .orderBy("id")
    .executeTakeFirst();
}

/**
 * Links an invited or active account to a subject and makes it active. Conditional, so an account
 * deactivated or linked to someone else a moment ago is left alone: returns whether it changed.
 */
export async function linkOidcSubject(db: Db, userId: number, subject: string): Promise<boolean> {
  const result = await db
    .updateTable("app_user")
    .set({ oidc_subject: subject, status: "active" })
    .where("id", "=", userId)
    .where("status", "in", ["invited", "active"])
    .where((eb) => eb.or([eb("oidc_subject", "is", null), eb("oidc_subject", "=", subject)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
