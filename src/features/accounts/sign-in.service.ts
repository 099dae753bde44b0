import type { Actor } from "../../platform/actor.ts";
import type { Db } from "../../platform/database.ts";
import { normaliseEmail } from "./account.validation.ts";
import { checkThrottle, clearPairThrottle, recordThrottleEvent, type Throttled } from "./throttle.service.ts";
import { signIn } from "./user.service.ts";

export type SignInResult =
  | { kind: "signed_in"; token: string; actor: Actor }
  | { kind: "refused" }
  | ({ kind: "throttled" } & Throttled);

/**
 * Signing in with a password, throttled: after 5 failures for one email address from one client
 * address, or 20 from one client address for any, in 15 minutes, attempts from there are refused
 * without checking the password until the oldest failure is 15 minutes old. Failures elsewhere do
 * not stop the owner. A success forgives the account's failures from its address.
 */
export async function attemptSignIn(
  db: Db,
  input: { email: string; password: string; address: string },
): Promise<SignInResult> {
  const account = normaliseEmail(input.email);
  const throttled = await checkThrottle(db, "sign_in_failure", account, input.address);
  if (throttled) return { kind: "throttled", ...throttled };
  const session = await signIn(db, account, input.password);
  if (!session) {
    await recordThrottleEvent(db, "sign_in_failure", account, input.address);
    return { kind: "refused" };
  }
  await clearPairThrottle(db, "sign_in_failure", account, input.address);
  return { kind: "signed_in", ...session };
}
