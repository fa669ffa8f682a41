/**
 * What a document upload is read into before translation: its paragraphs
 * as plain text, in reading order, without formatting (document-format.ts
 * tells the format, plain-text.ts, docx-text.ts and pdf-text.ts read each).
 */
export type DocumentFormat = 'txt' | 'docx' | 'pdf';

export interface DocumentSegment {
  /** One paragraph: line breaks inside it as written, no trailing blanks. */
  readonly text: string;
  /** 1-based page of a PDF paragraph. */
  readonly page?: number;
}

export interface DocumentText {
  readonly format: DocumentFormat;
  /** How a txt was decoded: `utf-8`, `utf-16le`, `utf-16be`, or `windows-1252` (the Latin-1 fallback). */
  readonly encoding?: string;
  /** Pages of a PDF. */
  readonly pages?: number;
  readonly segments: readonly DocumentSegment[];
}
