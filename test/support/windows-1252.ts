// Text as Excel and Notepad on Windows save it ("ANSI"): Windows-1252 bytes. Node encodes only
// UTF-8, so the table is read back from Node's own decoder (ICU), one byte at a time.

const decoder = new TextDecoder("windows-1252");
const byteOf = new Map<string, number>(
  Array.from({ length: 256 }, (_, byte) => [decoder.decode(new Uint8Array([byte])), byte] as const),
);

/** `text` in Windows-1252; throws on a character that code page cannot hold. */
export function windows1252(text: string): Buffer {
  return Buffer.from(
    Array.from(text, (character) => {
      const byte = byteOf.get(character);
      if (byte === undefined) throw new Error(`Windows-1252 has no ${JSON.stringify(character)}`);
      return byte;
    }),
  );
}
