import type { FastifyInstance } from "fastify";
import type { AppDeps, ReminderSchedule } from "../../platform/app-deps.ts";
import type { Db } from "../../platform/database.ts";
import type { Mailer } from "../../platform/mail.ts";
import { todayIso } from "../accountability/accountability.service.ts";
import { type PassResult, sendDueReminders } from "./reminder.service.ts";

// The reminder scheduler: in the server process, it runs a pass once at start and then every few
// minutes, one pass at a time. Stopping it waits for a pass under way to finish. Reminders live in
// the database, so a restart loses none; several instances may each run one (the pass claims
// reminders with SKIP LOCKED). Tests start it only when they ask (AppDeps.reminders) and pass a
// fixed day.

export interface ReminderScheduler {
  /** Runs a pass now (after the one under way, if any). */
  runNow(): Promise<PassResult | null>;
  /** Resolves when no pass is under way. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

type Log = { info(m: string): void; warn(m: string): void; error(m: string): void };

export function startReminderScheduler(options: {
  db: Db;
  mailer: Mailer;
  schedule: ReminderSchedule;
  log: Log;
}): ReminderScheduler {
  const { db, mailer, schedule, log } = options;
  let current: Promise<PassResult | null> = Promise.resolve(null);
  let stopped = false;
  const pass = (): Promise<PassResult | null> => {
    current = current.then(async () => {
      if (stopped) return null;
      try {
        return await sendDueReminders(db, mailer, { today: (schedule.today ?? todayIso)(), log });
      } catch (error) {
        log.error(`The reminder pass stopped early; the next pass carries on: ${(error as Error).message}`);
        return null;
      }
    });
    return current;
  };
  void pass();
  const timer = setInterval(() => void pass(), schedule.everyMinutes * 60_000);
  timer.unref();
  return {
    runNow: pass,
    idle: async () => {
      await current;
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current;
    },
  };
}

declare module "fastify" {
  interface FastifyInstance {
    /** The reminder scheduler, when the app was built with one (AppDeps.reminders). */
    reminders: ReminderScheduler | null;
  }
}

/** Starts the scheduler when the app is ready, if asked, and stops it when the app closes. */
export function registerReminders(
  app: FastifyInstance,
  deps: Pick<AppDeps, "db" | "mailer" | "reminders">,
): void {
  app.decorate("reminders", null);
  const schedule = deps.reminders;
  if (!schedule || schedule.everyMinutes <= 0) return;
  const { mailer } = deps;
  app.addHook("onReady", async () => {
    app.reminders = startReminderScheduler({ db: deps.db, mailer, schedule, log: app.log });
  });
  app.addHook("onClose", async () => {
    await app.reminders?.stop();
  });
}
