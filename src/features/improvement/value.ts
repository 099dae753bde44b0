// Numbers as people type them, for data points from the form and from files.

/** "12", "-3.5", "1,234" → a number; null when it is not one. */
export function parseValue(text: string): number | null {
  const plain = text.replaceAll(",", "");
  if (!/^-?\d{1,12}(\.\d{1,6})?$/.test(plain)) return null;
  return Number(plain);
}
