import { z } from "zod";
import { brochureFormats } from "../shared/formats.ts";

/** A date as written in YAML, `YYYY-MM-DD`, checked against the calendar (2024-02-30 is refused). */
export const calendarDate = z
  .string({ error: "must be a date written as YYYY-MM-DD (for example 2026-03-15)" })
  // abort: a date in another format gets one message, not also "not a real calendar date".
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "must be a date written as YYYY-MM-DD (for example 2026-03-15)", abort: true })
  .refine(isRealDate, "is not a real calendar date")
  // A year typed into the editor's date box could come out as 1906 (found by the editor QA): no review is that old.
  .refine((date) => date >= "2000-01-01", "is before 2000: check the year (write the date as YYYY-MM-DD, for example 2026-03-15)");

function isRealDate(text: string): boolean {
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const text = (min: number, max: number) =>
  z.string().trim().min(min, `must be at least ${min} characters`).max(max, `must be at most ${max} characters`);

export const languages = ["en", "es"] as const;
export const language = z.enum(languages);
export type Language = z.infer<typeof language>;

const faqEntry = z.strictObject({
  question: text(5, 200),
  answer: text(5, 1200),
});

/** What kind of procedure a guide is about: `check` knows the warnings and reasons not to treat each must state. */
export const procedureKinds = ["injection", "foam", "thermal-ablation", "adhesive", "surgery", "compression", "consultation"] as const;

/** Front matter of `content/procedures/<slug>.md`. Unknown keys are errors so a typo never vanishes. */
export const procedureSchema = z.strictObject({
  title: text(3, 80),
  kind: z.enum(procedureKinds).optional(),
  summary: text(20, 220),
  category: text(3, 60),
  duration: text(2, 80),
  downtime: text(2, 120),
  sessions: text(1, 120),
  resultsTimeline: text(2, 160),
  candidates: text(5, 300),
  veinsTreated: text(3, 120),
  anaesthesia: text(3, 120),
  lastReviewed: calendarDate,
  reviewer: text(3, 120),
  lang: language.optional(),
  faq: z.array(faqEntry).optional(),
  /** The brochure formats this guide is made in (and `booklet`: it is in the booklet); all that a build makes by default. */
  formats: z.array(z.enum(brochureFormats)).min(1).optional(),
  /**
   * A cover picture for the guide, from the content's images folder: on its card on the home page, at
   * the top of its page, on its brochures' covers and its link-preview card. `alt` says what it shows
   * (empty only for a picture that adds nothing a patient needs).
   */
  image: z
    .strictObject({
      src: z
        .string()
        .regex(
          /^\/images\/[^?#]+\.(png|jpe?g|webp|avif|svg)$/i,
          "must be a picture in the images folder, written /images/<name>.jpg (or .png, .webp, .avif, .svg)",
        )
        // As a picture in the text is told (a space ends a Markdown address; on the site it is %20).
        .refine((src) => !/\s/.test(src), "has a space in its name: rename the file without spaces (legs-after.jpg), and write that name here"),
      alt: z.string().trim().max(250, "must be at most 250 characters"),
    })
    .optional(),
  /** Where the guide's facts come from (guideline, label, trial), one citation each: shown on the page and at the end of the brochure. */
  sources: z.array(text(10, 300)).optional(),
});

export type Procedure = z.infer<typeof procedureSchema>;
