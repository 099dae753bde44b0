// How a round's progress reads in words: plain text, shared by the rounds pages and the
// organisation's progress page (organisations/), which draws the rounds it owes in.

/** "5 of 8 updates (62%)". */
export function completionWords(answered: number, owed: number, percent: number): string {
  return `${updatesWords(answered, owed)} (${percent}%)`;
}

/** "1 of 3 updates". */
export function updatesWords(answered: number, owed: number): string {
  return `${answered} of ${owed} ${owed === 1 ? "update" : "updates"}`;
}
