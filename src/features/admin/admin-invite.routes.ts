import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type Grant, ROLES, type Role } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { type FieldErrors, ValidationError } from "../../platform/errors.ts";
import { sendPrivatePage, signInFirst } from "../../platform/http-pages.ts";
import { bodyOf, type Fields, field, idParam } from "../../platform/http-params.ts";
import type { Mailer } from "../../platform/mail.ts";
import { invitationProblems, inviteUser, resendInvitation } from "../accounts/invitation.service.ts";
import * as admin from "./admin.service.ts";
import { type InviteFormValues, invitePageTitle, inviteView } from "./views/invite.view.ts";
import { userPath } from "./views/users.view.ts";

// Inviting someone from the administration pages: /admin/invite shows the form, and its POST
// emails the invitation (inviteUser) and goes on to the new person's page; a mistake shows the
// form again with every problem named (400). If the mail server refuses, nothing is saved and
// the answer is the 503 "unavailable" page, so the invitation can simply be sent again.

/** The ticked roles: one checkbox is a string, several an array. */
function rolesOf(body: Fields): string[] {
  const value = body.roles;
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === "string" && v !== "");
}

function scopeId(value: string | undefined): number | undefined {
  return value && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/**
 * The form's answers as grants, and what is wrong with them as the form words it: a contributor
 * needs an organisation, a secretary a group, and a scope chosen without its role is a mistake.
 */
export function grantsFromForm(values: InviteFormValues): { grants: Grant[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const roles = values.roles ?? [];
  const known = roles.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  if (known.length !== roles.length) errors.roles = "Choose roles from the list";
  const organisationId = scopeId(values.organisationId);
  const groupId = scopeId(values.groupId);
  const grants: Grant[] = [];
  for (const role of known) {
    if (role === "organisation_contributor") {
      if (organisationId === undefined)
        errors.organisationId = "Choose the organisation this organisation contributor reports for";
      else grants.push({ role, organisationId });
    } else if (role === "group_secretary") {
      if (groupId === undefined) errors.groupId = "Choose the group this group secretary keeps";
      else grants.push({ role, groupId });
    } else grants.push({ role });
  }
  if (values.organisationId && !known.includes("organisation_contributor"))
    errors.organisationId =
      "Tick “Organisation contributor” for this organisation, or choose no organisation";
  if (values.groupId && !known.includes("group_secretary"))
    errors.groupId = "Tick “Group secretary” for this group, or choose no group";
  return { grants, errors };
}

function formValues(body: Fields): InviteFormValues {
  return {
    email: field(body, "email")?.slice(0, 1000),
    name: field(body, "name")?.slice(0, 1000),
    roles: rolesOf(body),
    organisationId: field(body, "organisationId"),
    groupId: field(body, "groupId"),
  };
}

async function renderInvite(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
  values: InviteFormValues,
  errors: FieldErrors,
): Promise<FastifyReply> {
  const model = {
    csrfToken: request.csrfToken,
    choices: await admin.grantChoices(db, request.actor),
    values,
    errors,
  };
  return sendPrivatePage(request, reply, {
    title: invitePageTitle(model),
    status: Object.keys(errors).length > 0 ? 400 : 200,
    content: inviteView(model),
  });
}

export function adminInviteRoutes(app: FastifyInstance, db: Db, mailer: Mailer): void {
  app.get("/admin/invite", async (request, reply) => {
    const redirect = signInFirst(request, reply);
    if (redirect) return redirect;
    return renderInvite(db, request, reply, {}, {});
  });

  // A new link for someone who has not accepted yet (the first ran out, or the email went astray):
  // the old link stops working. Someone who has accepted is told so on their page.
  // Not runChange: the service opens its transaction and sends the email inside it (a failed email
  // saves nothing), and a person who has accepted is answered with a redirect, not a form.
  app.post("/admin/users/:id/resend-invitation", async (request, reply) => {
    const userId = idParam((request.params as { id?: string }).id, "person");
    const redirect = signInFirst(request, reply, userPath(userId));
    if (redirect) return redirect;
    try {
      await resendInvitation(db, request.actor, userId, mailer);
    } catch (error) {
      if (error instanceof ValidationError) return reply.redirect(`${userPath(userId)}?saved=accepted`, 303);
      throw error;
    }
    return reply.redirect(`${userPath(userId)}?saved=resent`, 303);
  });

  // Not runChange: the service opens its transaction and sends the email inside it, and the form is
  // checked first against the people and groups that exist (invitationProblems).
  app.post("/admin/invite", async (request, reply) => {
    const redirect = signInFirst(request, reply, "/admin/invite");
    if (redirect) return redirect;
    const values = formValues(bodyOf(request));
    const { grants, errors } = grantsFromForm(values);
    const input = { email: values.email ?? "", name: values.name ?? "", grants };
    const problems = { ...(await invitationProblems(db, request.actor, input)), ...errors };
    if (Object.keys(problems).length > 0) return renderInvite(db, request, reply, values, problems);
    try {
      const invited = await inviteUser(db, request.actor, input, mailer);
      return reply.redirect(`${userPath(invited.id)}?saved=invited`, 303);
    } catch (error) {
      // Another administrator invited the same address a moment ago.
      if (error instanceof ValidationError) return renderInvite(db, request, reply, values, error.fields);
      throw error;
    }
  });
}
