import nodemailer from "nodemailer";

/** One plain-text email. Plain text reads well in every mail program and screen reader. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/**
 * How Waymark sends email (invitations, password resets, later reminders). Services take a
 * Mailer, never nodemailer itself, so the command line and tests can give them another.
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** An absolute address on this site for a message, from WAYMARK_BASE_URL: never from the request's Host. */
  link(path: string): string;
  /** Closes any open connection (the server calls it on stop). */
  close(): void;
}

export class MailError extends Error {}

function linker(baseUrl: string): (path: string) => string {
  const base = baseUrl.replace(/\/+$/, "");
  return (path) => `${base}${path.startsWith("/") ? path : `/${path}`}`;
}

/**
 * Sends through an SMTP server: `smtp://user:password@host:587` (STARTTLS when the server offers
 * it) or `smtps://…:465`. Timeouts are short so a dead mail server fails a request in seconds,
 * not minutes.
 */
export function smtpMailer(options: { url: string; from: string; baseUrl: string }): Mailer {
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(message) {
      try {
        await transport.sendMail({ from: options.from, ...message });
      } catch (error) {
        throw new MailError(`Could not send email to ${message.to}: ${(error as Error).message}`, {
          cause: error,
        });
      }
    },
    link: linker(options.baseUrl),
    close: () => transport.close(),
  };
}

/**
 * Without an SMTP server configured, messages are written to the log instead (with their links),
 * so the demo works on one machine: the person running it copies the link from the console.
 */
export function logMailer(log: (text: string) => void, baseUrl: string): Mailer {
  return {
    async send(message) {
      log(
        `Email (no SMTP server configured, so not sent) to ${message.to}: ${message.subject}\n${message.text}`,
      );
    },
    link: linker(baseUrl),
    close: () => {},
  };
}

/** The mailer the configuration asks for: SMTP when WAYMARK_SMTP_URL is set, the log otherwise. */
export function mailerFromConfig(
  config: { smtpUrl: string | undefined; mailFrom: string; baseUrl: string },
  log: (text: string) => void,
): Mailer {
  return config.smtpUrl
    ? smtpMailer({ url: config.smtpUrl, from: config.mailFrom, baseUrl: config.baseUrl })
    : logMailer(log, config.baseUrl);
}
