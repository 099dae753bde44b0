import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { type Block, type MinutesDocument, minutesOutline, minutesTitle } from "./minutes-outline.ts";

// The minutes as a Word document (Office Open XML), written from the same outline as the web
// download: real headings (so Word's navigation pane and screen readers find the structure) and
// real bulleted lists, in Word's built-in styles.

const HEADING = { 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function paragraphsOf(block: Block): Paragraph[] {
  switch (block.kind) {
    case "title":
      return [new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_1 })];
    case "heading":
      return [new Paragraph({ text: block.text, heading: HEADING[block.level] })];
    case "paragraph":
      return [new Paragraph({ text: block.text })];
    case "list":
      return block.items.map((text) => new Paragraph({ text, bullet: { level: 0 } }));
  }
}

/** The minutes as a .docx file. */
export async function minutesDocx(doc: MinutesDocument): Promise<Buffer> {
  const document = new Document({
    title: minutesTitle(doc),
    creator: "Waymark",
    description: `Minutes of the ${doc.groupName}`,
    styles: { default: { document: { run: { font: "Arial", size: 24 } } } },
    sections: [{ children: minutesOutline(doc).flatMap(paragraphsOf) }],
  });
  return Packer.toBuffer(document);
}
