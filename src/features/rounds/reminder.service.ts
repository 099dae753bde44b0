import type { Db } from "../../platform/database.ts";
import { fullDate } from "../../platform/dates.ts";
import type { Mailer } from "../../platform/mail.ts";
import * as accountability from "../accountability/accountability.service.ts";
import * as rounds from "./round.repository.ts";

// Reminder emails for reporting rounds. A pass takes the reminders that are due (send_on on or
// before today) and not yet dealt with, one at a time. It claims each for a while, in a short
// transaction (FOR UPDATE SKIP LOCKED: two passes, in one instance or two, never take the same
// reminder), and sends with no transaction open, so a slow mail server holds up nothing else.
// An organisation that has answered everything it owes gets nothing; otherwise every active
// contributor gets one email. Each email is recorded as soon as it is sent, so when one
// recipient fails (or the pass dies) the others are not written to again: the reminder stays due
// and the next pass tries only those it missed. The clock is a parameter, so tests pass fixed days.

export interface PassOptions {
  /** "YYYY-MM-DD": the day the pass runs on. */
  today: string;
  /** Where failures and what was done are written (the app's logger, in the server). */
  log?: { info(message: string): void; warn(message: string): void; error(message: string): void };
}

export interface PassResult {
  /** Reminders sent (to every contributor of the organisation). */
  sent: number;
  /** Not needed: answered already, or nobody to write to. */
  skipped: number;
  /** Tried and failed; still due, so the next pass tries again. */
  failed: number;
  /** Emails sent in this pass. */
  emails: number;
}

const ACTION_WORDS = 160;

function shorten(text: string): string {
  return text.length > ACTION_WORDS ? `${text.slice(0, ACTION_WORDS - 1).trimEnd()}…` : text;
}

/** The email: what is owed, by when, and where to answer, in plain words. */
export function reminderEmail(input: {
  name: string;
  organisation: string;
  roundTitle: string;
  dueDate: string;
  today: string;
  owed: Array<{ text: string; themeName: string }>;
  link: string;
}): { subject: string; text: string } {
  const n = input.owed.length;
  const due = fullDate(input.dueDate);
  const when =
    input.today < input.dueDate
      ? `They are due by ${due}.`
      : input.today === input.dueDate
        ? `They are due today, ${due}.`
        : `They were due on ${due}, so please send them as soon as you can.`;
  return {
    subject: `${input.roundTitle}: ${n} ${n === 1 ? "update" : "updates"} due ${input.today > input.dueDate ? "since" : "by"} ${due}`,
    text: [
      `Hello ${input.name},`,
      "",
      `${input.organisation} still has ${n} ${n === 1 ? "update" : "updates"} to give for "${input.roundTitle}". ${when}`,
      "",
      `Still to do:`,
      ...input.owed.map((o) => `- ${shorten(o.text)} (${o.themeName} route map)`),
      "",
      "Say how each action is going here:",
      input.link,
      "",
      `You are getting this because you give updates for ${input.organisation} on Waymark. If someone else should get these emails, tell the programme team.`,
    ].join("\n"),
  };
}

type Outcome = "sent" | "skipped" | "failed";

/** Deals with one claimed reminder. */
async function handle(
  db: Db,
  mailer: Mailer,
  reminder: rounds.ClaimedReminder,
  options: PassOptions,
  count: { emails: number },
): Promise<Outcome> {
  const [round, [organisation], obligations] = await Promise.all([
    rounds.findRound(db, reminder.round_id),
    accountability.findOrganisationsByIds(db, [reminder.organisation_id]),
    rounds.listObligations(db, { roundIds: [reminder.round_id], organisationId: reminder.organisation_id }),
  ]);
  const waiting = obligations.filter((o) => !o.answered);
  if (!round || !organisation || waiting.length === 0) {
    await rounds.markReminder(db, reminder, "answered");
    return "skipped";
  }
  const contributors = await rounds.listContributors(db, organisation.id);
  if (contributors.length === 0) {
    options.log?.warn(
      `Reminder for "${round.title}" not sent: ${organisation.name} has no active contributor to write to.`,
    );
    await rounds.markReminder(db, reminder, "no_contributors");
    return "skipped";
  }
  const items = await accountability.listCurrentItems(db);
  const owed = waiting.map((o) => {
    const item = items.find((i) => i.theme_id === o.theme_id && i.key === o.action_key);
    return { text: item?.text ?? "An action no longer in its route map", themeName: item?.theme_name ?? "" };
  });
  const done = new Set(await rounds.deliveredTo(db, reminder.id));
  const failures: string[] = [];
  for (const person of contributors) {
    if (done.has(person.id)) continue;
    if (!(await rounds.renewClaim(db, reminder))) {
      options.log?.warn(
        `Reminder for "${round.title}" to ${organisation.name} took so long that another pass took it over.`,
      );
      return "failed";
    }
    const message = reminderEmail({
      name: person.name,
      organisation: organisation.name,
      roundTitle: round.title,
      dueDate: round.due_date,
      today: options.today,
      owed,
      link: mailer.link(`/progress/${encodeURIComponent(organisation.slug)}`),
    });
    try {
      await mailer.send({ to: person.email, ...message });
      await rounds.recordDelivery(db, { reminder_id: reminder.id, user_id: person.id, email: person.email });
      count.emails += 1;
    } catch (error) {
      failures.push(`${person.email}: ${(error as Error).message}`);
    }
  }
  if (failures.length > 0) {
    const text = failures.join("; ");
    options.log?.error(
      `Reminder for "${round.title}" to ${organisation.name} failed, to be tried again on the next pass: ${text}`,
    );
    await rounds.recordReminderFailure(db, reminder, text);
    return "failed";
  }
  await rounds.markReminder(db, reminder, "sent");
  options.log?.info(
    `Reminder for "${round.title}" sent to ${contributors.length} ${contributors.length === 1 ? "person" : "people"} at ${organisation.name}.`,
  );
  return "sent";
}

/** One pass: every reminder due and not yet dealt with, each once. */
export async function sendDueReminders(db: Db, mailer: Mailer, options: PassOptions): Promise<PassResult> {
  const result: PassResult = { sent: 0, skipped: 0, failed: 0, emails: 0 };
  // Reminders this pass has tried, so a failing one is left for the next pass, not retried now.
  const tried: number[] = [];
  for (;;) {
    const reminder = await rounds.claimNextReminder(db, options.today, tried);
    if (!reminder) return result;
    tried.push(reminder.id);
    const outcome = await handle(db, mailer, reminder, options, result).catch(async (error: unknown) => {
      // Let it go at once (a database fault, say), rather than when the claim runs out.
      await rounds.recordReminderFailure(db, reminder, (error as Error).message).catch(() => undefined);
      throw error;
    });
    result[outcome] += 1;
  }
}
