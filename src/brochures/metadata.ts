export interface BrochureMetadata {
  title: string;
  /** The clinic. */
  author: string;
  /** The procedure's one-line summary. */
  subject: string;
  keywords: string[];
  /** BCP 47 language tag, e.g. `en`. */
  lang: string;
  /** Printed double-sided, the sheet turns over its short edge (the tri-fold); otherwise its long edge. */
  flipOnShortEdge?: boolean;
}

/** A procedure's brochure metadata: title, the clinic as author, the summary as subject. */
export function brochureMetadata(
  procedure: { title: string; summary: string; category: string; lang: string },
  clinic: { name: string },
): BrochureMetadata {
  return {
    title: procedure.title,
    author: clinic.name,
    subject: procedure.summary,
    keywords: [procedure.title, procedure.category, clinic.name],
    lang: procedure.lang,
  };
}
