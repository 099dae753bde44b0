// Money, exactly. Every amount is a whole number of pence: a `bigint` column in the database, a
// JavaScript number here (the database reads bigints as numbers on both PGlite and PostgreSQL). A
// number holds every whole number up to 2^53 exactly, about £90 trillion in pence, so sums of
// pence never round; amounts are refused above MAX_PENCE (£100 billion), far inside that, so even
// the sum of thousands of them stays exact. Parsing is done on the digits as text with BigInt,
// never through floating point, so "£1.15m" is 115,000,000 pence and not 114,999,999.99….
//
// Display is the only place anything is rounded, by one written rule (also in docs/ARCHITECTURE.md):
// - £1 million or more: in millions, to one decimal place, half up, without a trailing ".0":
//   "£50 million", "£1.2 million" (£1,250,000 shows as "£1.3 million");
// - less than £1 million: whole pounds with commas, "£350,000", and pence only when the amount is
//   not a whole pound: "£350,000.50".
// `formatMoneyExact` never rounds ("£1,234,567.89"): for tables where a reader adds the figures up.

/** £100 billion in pence: more than any one fund or allocation, and far inside exact numbers. */
export const MAX_PENCE = 10_000_000_000_000;

export type MoneyParse = { ok: true; pence: number } | { ok: false; message: string };

const MULTIPLIERS: Record<string, bigint> = {
  "": 1n,
  k: 1_000n,
  thousand: 1_000n,
  m: 1_000_000n,
  mn: 1_000_000n,
  million: 1_000_000n,
  bn: 1_000_000_000n,
  billion: 1_000_000_000n,
};

/**
 * Reads an amount as people type it: "£50 million", "1.2m", "£350,000", "350000.50", "£2bn".
 * Commas must group thousands; pence must come to a whole penny. The message says what to fix.
 */
export function parseMoney(input: string): MoneyParse {
  const text = input.trim().toLowerCase().replace(/\s+/g, " ");
  if (text === "") return { ok: false, message: "Enter an amount, for example £50 million or £350,000" };
  if (/^[-−]/.test(text) || text.includes("-£") || text.includes("−£"))
    return { ok: false, message: "Enter an amount of £0 or more" };
  const match = /^£? ?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))? ?([a-z]*)$/.exec(text);
  if (!match) {
    return {
      ok: false,
      message: "Enter an amount in pounds, like £50 million, £1.2m, £350,000 or 350000.50",
    };
  }
  const [, whole = "", fraction = "", unit = ""] = match;
  const multiplier = MULTIPLIERS[unit];
  if (multiplier === undefined) {
    return { ok: false, message: "Write the amount in pounds, thousands (k), millions (m) or billions (bn)" };
  }
  // pounds × multiplier × 100 pence, with the fraction's digits carried exactly as an integer.
  const scale = 10n ** BigInt(fraction.length);
  const numerator = (BigInt(whole.replaceAll(",", "")) * scale + BigInt(fraction || "0")) * multiplier * 100n;
  if (numerator % scale !== 0n)
    return { ok: false, message: "The amount must come to a whole number of pence" };
  const pence = numerator / scale;
  if (pence > BigInt(MAX_PENCE)) return { ok: false, message: "The amount must be £100 billion or less" };
  return { ok: true, pence: Number(pence) };
}

function withCommas(digits: bigint): string {
  return digits.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function sign(pence: number): { minus: string; size: bigint } {
  if (!Number.isSafeInteger(pence)) throw new RangeError(`Not a whole number of pence: ${pence}`);
  const value = BigInt(pence);
  return value < 0n ? { minus: "-", size: -value } : { minus: "", size: value };
}

/** An amount as the public sector writes it, by the rule at the top of this file. */
export function formatMoney(pence: number): string {
  const { minus, size } = sign(pence);
  const tenthOfAMillion = 10_000_000n; // £100,000 in pence
  if (size >= 100_000_000n) {
    const tenths = (size + tenthOfAMillion / 2n) / tenthOfAMillion;
    const millions = tenths / 10n;
    const decimal = tenths % 10n;
    return `${minus}£${withCommas(millions)}${decimal === 0n ? "" : `.${decimal}`} million`;
  }
  return formatMoneyExact(pence);
}

/** An amount to the penny, never rounded: "£1,234,567.89"; whole pounds without pence. */
export function formatMoneyExact(pence: number): string {
  const { minus, size } = sign(pence);
  const pounds = size / 100n;
  const rest = size % 100n;
  return `${minus}£${withCommas(pounds)}${rest === 0n ? "" : `.${rest.toString().padStart(2, "0")}`}`;
}

/** An amount in pounds for a spreadsheet cell: "1234567.89", "50000000" (no symbol, no commas). */
export function poundsText(pence: number): string {
  const { minus, size } = sign(pence);
  const rest = size % 100n;
  return `${minus}${size / 100n}${rest === 0n ? "" : `.${rest.toString().padStart(2, "0")}`}`;
}

/** What a form shows to edit an amount: exact, so saving it unchanged changes nothing. */
export function moneyInput(pence: number): string {
  return formatMoneyExact(pence);
}

/** Adds amounts, refusing (rather than rounding) if the sum ever leaves the exact range. */
export function sumPence(amounts: Iterable<number>): number {
  let total = 0;
  for (const amount of amounts) {
    total += amount;
    if (!Number.isSafeInteger(total)) throw new RangeError("The total is too large to add up exactly");
  }
  return total;
}

/** Part of a whole as a whole-number percentage, for words ("12% allocated"); 0 of 0 is 0. */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Number((BigInt(part) * 100n + BigInt(whole) / 2n) / BigInt(whole));
}
