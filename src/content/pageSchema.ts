import { z } from "zod";
import { calendarDate, language, text } from "./schema.ts";

/** Front matter of `content/pages/<name>.md` (about the clinic, general FAQ, ...). */
export const pageSchema = z.strictObject({
  title: text(3, 80),
  /** One sentence for the meta description and link previews. */
  summary: text(20, 220),
  /** Label in the main navigation; the page is left out of it when absent. */
  navLabel: text(2, 30).optional(),
  /** Position in the main navigation, lowest first. */
  navOrder: z.number().int().min(1).max(99).optional(),
  lastReviewed: calendarDate.optional(),
  lang: language.optional(),
});

export type Page = z.infer<typeof pageSchema>;
