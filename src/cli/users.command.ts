import type { Command } from "commander";
import { inviteFirstAdministrator, inviteUser } from "../features/accounts/invitation.service.ts";
import { findUserByEmail, scopeIdBySlug } from "../features/accounts/user.repository.ts";
import { actorForUser } from "../features/accounts/user.service.ts";
import { type Grant, ROLES } from "../platform/actor.ts";
import { loadConfig } from "../platform/config.ts";
import type { Db } from "../platform/database.ts";
import { mailerFromConfig } from "../platform/mail.ts";
import { can } from "../platform/security/authorize.ts";
import { action, CliError, progress, requireExistingDatabase, withDatabase } from "./support.ts";

// `waymark users invite`: invites someone by email, as an administrator (--as), or a new
// installation's first administrator. The email goes through WAYMARK_SMTP_URL; without it, the
// message and its link are printed here, to be passed on by hand.

const ROLE_HELP = `${ROLES.filter((r) => r !== "organisation_contributor" && r !== "group_secretary").join(", ")}, organisation_contributor:<organisation slug>, group_secretary:<group slug>`;

/** "reader", "organisation_contributor:glasgow-city-council" → a grant. */
async function parseRole(db: Db, value: string): Promise<Grant> {
  const [role, slug] = value.split(":", 2) as [string, string | undefined];
  if (role === "organisation_contributor" || role === "group_secretary") {
    if (!slug) throw new CliError(`--role ${role} needs the slug it is for: ${role}:<slug>.`);
    const table = role === "organisation_contributor" ? "organisation" : "governance_group";
    const id = await scopeIdBySlug(db, table, slug);
    if (id === undefined)
      throw new CliError(
        `There is no ${role === "organisation_contributor" ? "organisation" : "group"} "${slug}".`,
      );
    return role === "organisation_contributor" ? { role, organisationId: id } : { role, groupId: id };
  }
  const plain = ROLES.find((r) => r === role && r !== "organisation_contributor" && r !== "group_secretary");
  if (!plain || slug !== undefined) throw new CliError(`"${value}" is not a role. Roles: ${ROLE_HELP}.`);
  return { role: plain } as Grant;
}

export function usersCommand(program: Command): void {
  const users = program.command("users").description("people's accounts");
  users
    .command("invite")
    .description("invite someone by email to choose a password and sign in")
    .argument("<email>", "their email address")
    .requiredOption("--name <name>", "their name, as Waymark shows it")
    .option("--role <role...>", `their roles (${ROLE_HELP})`, [])
    .option("--as <email>", "the administrator inviting them (not needed for the first administrator)")
    .action(
      action(async (email: string, options: { name: string; role: string[]; as?: string }) => {
        const config = loadConfig();
        requireExistingDatabase(config);
        const mailer = mailerFromConfig(config, progress);
        try {
          await withDatabase(
            config,
            async ({ db }) => {
              let invited: { email: string; grants: readonly Grant[] };
              const grants: Grant[] = [];
              for (const role of options.role) grants.push(await parseRole(db, role));
              if (options.as) {
                const user = await findUserByEmail(db, options.as.trim().toLowerCase());
                const actor = user?.status === "active" ? await actorForUser(db, user) : undefined;
                if (!actor || !can(actor, "user.manage"))
                  throw new CliError(`${options.as} is not an active administrator's account.`);
                invited = await inviteUser(db, actor, { email, name: options.name, grants }, mailer);
              } else {
                if (grants.some((g) => g.role !== "administrator"))
                  throw new CliError(
                    "Without --as, only a first administrator can be invited (--role administrator).",
                  );
                invited = await inviteFirstAdministrator(db, { email, name: options.name }, mailer);
              }
              progress(
                `Invited ${invited.email} (${invited.grants.map((g) => g.role).join(", ") || "no roles"}): ` +
                  (config.smtpUrl
                    ? "the invitation email has been sent."
                    : "pass on the link printed above."),
              );
            },
            { changes: true },
          );
        } finally {
          mailer.close();
        }
      }),
    );
}
