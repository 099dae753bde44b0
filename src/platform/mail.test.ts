import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { linkIn, type MailCatcher, startMailCatcher } from "../../test/support/smtp.ts";
import { ConfigError, loadConfig } from "./config.ts";
import { logMailer, MailError, mailerFromConfig, smtpMailer } from "./mail.ts";

describe("sending email over SMTP", () => {
  let catcher: MailCatcher;
  beforeAll(async () => {
    catcher = await startMailCatcher({ baseUrl: "https://waymark.example.org/" });
  });
  afterAll(async () => {
    await catcher.close();
  });

  it("delivers a plain-text message with its sender, subject and link to a real SMTP server", async () => {
    await catcher.mailer.send({
      to: "aileen@example.test",
      subject: "You’re invited to Waymark",
      text: `Hello Aileen,\n\nOpen this link: ${catcher.mailer.link("/invitations/abc")}\n\nThank you — Waymark`,
    });
    const message = await catcher.next("aileen@example.test", 0);
    expect(message.envelopeTo).toEqual(["aileen@example.test"]);
    expect(message.envelopeFrom).toBe("waymark@example.test");
    expect(message.headers.from).toContain("waymark@example.test");
    expect(message.subject).toBe("You’re invited to Waymark");
    expect(message.text).toContain("Thank you — Waymark");
    expect(linkIn(message, "https://waymark.example.org/")).toBe(
      "https://waymark.example.org/invitations/abc",
    );
  });

  it("a mail server that cannot be reached is a MailError naming the address, not a hang", async () => {
    const closed = await startMailCatcher();
    const url = closed.url;
    await closed.close();
    const mailer = smtpMailer({ url, from: "waymark@example.test", baseUrl: "http://localhost" });
    await expect(mailer.send({ to: "x@example.test", subject: "s", text: "t" })).rejects.toThrow(MailError);
    await expect(mailer.send({ to: "x@example.test", subject: "s", text: "t" })).rejects.toThrow(
      /x@example\.test/,
    );
    mailer.close();
  });
});

describe("without an SMTP server", () => {
  it("writes the message and its link to the log, so the demo works on one machine", async () => {
    const lines: string[] = [];
    const mailer = mailerFromConfig(loadConfig({}), (text) => lines.push(text));
    await mailer.send({ to: "a@example.test", subject: "Reset", text: `Go to ${mailer.link("/reset/x")}` });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("a@example.test");
    expect(lines[0]).toContain("http://localhost:3000/reset/x");
  });

  it("links use the configured base address, never a trailing double slash", () => {
    expect(logMailer(() => {}, "https://w.example/").link("/a")).toBe("https://w.example/a");
  });
});

describe("mail configuration", () => {
  it("reads the SMTP address, sender and base address, with defaults", () => {
    const config = loadConfig({
      WAYMARK_SMTP_URL: "smtp://user:pass@mail.example.org:587",
      WAYMARK_MAIL_FROM: "Waymark <noreply@example.org>",
      WAYMARK_BASE_URL: "https://waymark.example.org/",
    });
    expect(config.smtpUrl).toBe("smtp://user:pass@mail.example.org:587");
    expect(config.mailFrom).toBe("Waymark <noreply@example.org>");
    expect(config.baseUrl).toBe("https://waymark.example.org");
    const defaults = loadConfig({ PORT: "8080" });
    expect(defaults.smtpUrl).toBeUndefined();
    expect(defaults.baseUrl).toBe("http://localhost:8080");
  });

  it("a bad value stops the app with a message naming the variable", () => {
    expect(() => loadConfig({ WAYMARK_SMTP_URL: "mail.example.org" })).toThrow(ConfigError);
    expect(() => loadConfig({ WAYMARK_SMTP_URL: "mail.example.org" })).toThrow(/WAYMARK_SMTP_URL/);
    expect(() => loadConfig({ WAYMARK_BASE_URL: "waymark.example.org" })).toThrow(/WAYMARK_BASE_URL/);
    expect(() => loadConfig({ WAYMARK_MAIL_FROM: "nobody" })).toThrow(/WAYMARK_MAIL_FROM/);
  });
});
