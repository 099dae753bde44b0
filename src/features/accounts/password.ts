import crypto from "node:crypto";
import { promisify } from "node:util";

const argon2 = promisify(crypto.argon2);

// OWASP's minimum argon2id profile: 19 MiB, 2 passes, 1 lane.
const PARAMS = { memory: 19456, passes: 2, parallelism: 1, tagLength: 32 };

/** An argon2id hash in the PHC string format, with a random salt. */
export async function hashPassword(password: string): Promise<string> {
  const nonce = crypto.randomBytes(16);
  const hash = await argon2("argon2id", { message: password, nonce, ...PARAMS });
  return `$argon2id$v=19$m=${PARAMS.memory},t=${PARAMS.passes},p=${PARAMS.parallelism}$${nonce.toString("base64url")}$${hash.toString("base64url")}`;
}

/** Checks a password against a PHC argon2id string in constant time; false for anything malformed. */
export async function verifyPassword(password: string, phc: string): Promise<boolean> {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(phc);
  if (!match) return false;
  const [, m, t, p, salt, expected] = match;
  const expectedBytes = Buffer.from(expected!, "base64url");
  const actual = await argon2("argon2id", {
    message: password,
    nonce: Buffer.from(salt!, "base64url"),
    memory: Number(m),
    passes: Number(t),
    parallelism: Number(p),
    tagLength: expectedBytes.length,
  });
  return crypto.timingSafeEqual(actual, expectedBytes);
}

/** A hash of a password nobody has: compared against when the email is unknown, so timing tells nothing. */
export const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
