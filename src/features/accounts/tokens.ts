import crypto from "node:crypto";

// Secrets handed to a browser or put in an emailed link: 32 random bytes, base64url. Only their
// SHA-256 is stored, so a copy of the database opens no session and no link. (A fast hash is
// enough: the token is random and long, unlike a password.)

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** Could this be one of our tokens? Anything else (tampered, truncated, 10 kB) is refused before any query. */
export function isWellFormedToken(token: unknown): token is string {
  return typeof token === "string" && TOKEN.test(token);
}
