import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { type Mailer, smtpMailer } from "../../src/platform/mail.ts";

/** One email as the mail catcher received it, decoded enough to read. */
export interface CaughtMessage {
  /** The envelope: who the SMTP client said it was from and to. */
  envelopeFrom: string;
  envelopeTo: string[];
  /** Headers by lower-case name (the last one wins). */
  headers: Record<string, string>;
  subject: string;
  /** The plain-text body, with its transfer encoding undone. */
  text: string;
  raw: string;
}

/**
 * A real SMTP server on a free local port, keeping every message it receives in memory. Tests
 * send through the app's real SMTP mailer (`mailer`) and read what arrived.
 */
export interface MailCatcher {
  /** smtp://127.0.0.1:port: what WAYMARK_SMTP_URL would be. */
  url: string;
  /** A Mailer sending to this catcher over SMTP, with links to `baseUrl`. */
  mailer: Mailer;
  messages: CaughtMessage[];
  /** Every message to this address so far. */
  to(address: string): CaughtMessage[];
  /**
   * The next message to this address after the `already` messages to it that were there before:
   * waits for it to arrive (the test's own time limit applies, nothing here is timed).
   */
  next(address: string, already?: number): Promise<CaughtMessage>;
  close(): Promise<void>;
}

function unfoldHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** RFC 2047 encoded words in a header ("=?UTF-8?Q?…?="), as nodemailer writes non-ASCII subjects. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([BQbq])\?([^?]*)\?=/g, (_, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replaceAll("_", " ")),
    );
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const unfolded = text.replace(/=\r?\n/g, "");
  for (let i = 0; i < unfolded.length; i++) {
    const hex = unfolded.slice(i + 1, i + 3);
    if (unfolded[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(unfolded[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

/** Reads a single-part message (Waymark sends plain text only). */
export function parseMessage(raw: string, envelopeFrom: string, envelopeTo: string[]): CaughtMessage {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = unfoldHeaders(split < 0 ? raw : raw.slice(0, split));
  const body = split < 0 ? "" : raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const encoding = (headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  const text =
    encoding === "quoted-printable"
      ? decodeQuotedPrintable(body)
      : encoding === "base64"
        ? Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8")
        : body;
  return {
    envelopeFrom,
    envelopeTo,
    headers,
    subject: decodeWords(headers.subject ?? ""),
    text: text.replace(/\r\n/g, "\n"),
    raw,
  };
}

/** The first address in a message's text that starts with `prefix` ("http://localhost/invitations/"). */
export function linkIn(message: CaughtMessage, prefix: string): string {
  const found = message.text.split(/\s+/).find((word) => word.startsWith(prefix));
  if (!found) throw new Error(`No link starting ${prefix} in:\n${message.text}`);
  return found;
}

/**
 * Starts the catcher; close it in afterAll. `refuse`: addresses the server turns away at RCPT TO
 * (a permanent failure for that recipient), as a real mail server refuses an unknown mailbox.
 */
export async function startMailCatcher(
  options: { baseUrl?: string; refuse?: string[] } = {},
): Promise<MailCatcher> {
  const messages: CaughtMessage[] = [];
  const waiting: Array<{ address: string; index: number; resolve: (m: CaughtMessage) => void }> = [];
  const to = (address: string) =>
    messages.filter((m) => m.envelopeTo.some((t) => t.toLowerCase() === address.toLowerCase()));

  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on localhost: no self-signed STARTTLS for the client to refuse.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refused = options.refuse?.some((r) => r.toLowerCase() === address.address.toLowerCase());
      callback(refused ? Object.assign(new Error("No such mailbox here"), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        const message = parseMessage(
          Buffer.concat(chunks).toString("utf8"),
          from,
          session.envelope.rcptTo.map((r) => r.address),
        );
        messages.push(message);
        for (const w of [...waiting]) {
          const list = to(w.address);
          if (list.length > w.index) {
            waiting.splice(waiting.indexOf(w), 1);
            w.resolve(list[w.index]!);
          }
        }
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  const url = `smtp://127.0.0.1:${port}`;
  const mailer = smtpMailer({
    url,
    from: "Waymark <waymark@example.test>",
    baseUrl: options.baseUrl ?? "http://localhost",
  });

  return {
    url,
    mailer,
    messages,
    to,
    next(address, already = to(address).length) {
      const list = to(address);
      if (list.length > already) return Promise.resolve(list[already]!);
      return new Promise((resolve) => waiting.push({ address, index: already, resolve }));
    },
    async close() {
      mailer.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
