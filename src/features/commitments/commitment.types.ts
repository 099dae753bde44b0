// Commitments: the key actions a progress update sets out, kept from imported documents.

/** One key action, as the progress update prints it. */
export interface Commitment {
  id: number;
  /** Its place among the part's key actions, from 1. */
  ordinal: number;
  /** The number the document printed before it, when it numbered them. */
  number: number | null;
  text: string;
  details: string[];
  subItems: string[];
  status: string | null;
}

/** One imported progress update (one part of it) and its key actions, in order. */
export interface CommitmentSource {
  /** The imported document's id. */
  documentId: number;
  title: string | null;
  year: number | null;
  partNumber: string | null;
  partTitle: string | null;
  fileName: string;
  /** The web address it was saved from, when known. */
  sourceAddress: string | null;
  importedAt: Date;
  commitments: Commitment[];
}

/** What the importer hands over: the parser's reading of the part. */
export interface CommitmentsToSave {
  title: string | null;
  year: number | null;
  partNumber: string | null;
  partTitle: string | null;
  commitments: ReadonlyArray<{
    text: string;
    details: readonly string[];
    subItems: readonly string[];
    status: string | null;
    number: number | null;
  }>;
}
