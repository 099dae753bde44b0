import type { FieldErrors } from "../../platform/errors.ts";

// What an email address and a new password must look like. Checked before anything is hashed
// or stored, so a 10,000-character password is refused at once with a clear message.

export const PASSWORD_MIN = 12;
/** Long enough for any passphrase or password manager; short enough that hashing it costs nothing unusual. */
export const PASSWORD_MAX = 200;
export const EMAIL_MAX = 254;
export const NAME_MAX = 200;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The message for a malformed email address, or undefined when it looks right. */
export function emailProblem(email: string): string | undefined {
  if (!email.trim()) return "Enter an email address";
  if (email.trim().length > EMAIL_MAX) return `Enter an email address of up to ${EMAIL_MAX} characters`;
  // Control characters (a NUL cannot even be stored) make an address malformed, not a lookup.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) || /[\u0000-\u001f\u007f]/.test(email))
    return "Enter an email address in the correct format, like name@example.com";
  return undefined;
}

/** The message for a password someone is choosing, or undefined when it will do. */
export function newPasswordProblem(password: string): string | undefined {
  if (!password) return "Enter a password";
  if (password.length < PASSWORD_MIN) return `Your password must be at least ${PASSWORD_MIN} characters long`;
  if (password.length > PASSWORD_MAX) return `Your password must be ${PASSWORD_MAX} characters or fewer`;
  return undefined;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
