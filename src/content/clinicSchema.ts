import { z } from "zod";
import { brochureFormats, papers } from "../shared/formats.ts";
import { editorSchema } from "./editorSchema.ts";
import { language, text } from "./schema.ts";

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour written as "#" and six hex digits, for example "#1d4e89"');

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().-]{7,25}$/, 'must be a phone number of digits, spaces and ( ) - . only, for example "(555) 010-0123"')
  .refine((value) => value.replace(/[^0-9]/g, "").length >= 7, 'must have at least 7 digits: the whole number a patient dials, for example "(555) 010-0123"');

/** Text the clinic writes once for every language, or per language: `Monday` or `{ en: Monday, es: Lunes }`. */
const localized = (min: number, max: number) => z.union([text(min, max), z.strictObject({ en: text(min, max).optional(), es: text(min, max).optional() })]);
export type Localized = string | Partial<Record<"en" | "es", string>>;

/** The text of a localized value in `lang`, else in the clinic's default language, else any. */
export function localize(value: Localized | undefined, lang: string, fallback = "en"): string {
  if (value === undefined || typeof value === "string") return value ?? "";
  const byLang = value as Record<string, string | undefined>;
  return byLang[lang] ?? byLang[fallback] ?? Object.values(byLang).find(Boolean) ?? "";
}

/** A locale of `lang` with its country, e.g. en-GB, es-ES, that this Node.js can format dates for. */
const locale = (lang: string) =>
  z
    .string()
    .regex(new RegExp(`^${lang}-[A-Z]{2}$`), `must be ${lang} and a country code, e.g. ${lang === "en" ? "en-GB" : "es-ES"}`)
    // supportedLocalesOf accepts any region ("en-ZZ"); the formatter's own locale shows what it really uses.
    .refine(
      (tag) => new Intl.DateTimeFormat(tag).resolvedOptions().locale === tag,
      "is not a locale this computer can write dates for, e.g. en-GB, en-AU, es-ES, es-MX",
    );

const location = z.strictObject({
  name: localized(2, 80),
  address: z.strictObject({
    street: text(2, 120),
    city: text(2, 80),
    /** A state or province, where the country's addresses have one (US, Canada, Australia); UK addresses have none. */
    region: text(2, 80).optional(),
    postalCode: text(2, 20),
    country: text(2, 80),
  }),
  /** This location's own number; the clinic's main phone when absent. */
  phone: phone.optional(),
  hours: z.array(z.strictObject({ days: localized(2, 60), time: localized(2, 60) })).min(1, "must list at least one line of opening hours"),
});

/** `content/_data/clinic.yaml`: everything about the clinic that a page or brochure shows. */
export const clinicSchema = z.strictObject({
  name: text(2, 80),
  tagline: localized(2, 160).optional(),
  phone,
  email: z.email("must be an email address, for example hello@example.com").optional(),
  siteUrl: z
    .string()
    // Checked before the URL parser, which would accept (and encode) a space or a line break.
    .regex(/^\S+$/, "must be the full address of the public site, without spaces, for example https://www.example.com/our-clinic")
    .pipe(z.url({ protocol: /^https?$/, error: "must be the full address of the public site, for example https://www.example.com" }))
    // Every page's address is made by adding to it: `?…` or `#…` would end up in the middle of them.
    .refine(
      (url) => !/[?#]/.test(url),
      "must be the site's address alone, without ? or #: every page's address is made by adding to it, for example https://www.example.com/our-clinic",
    )
    // A user name or password in it would be printed on every QR code.
    .refine((url) => !/^https?:\/\/[^/]*@/.test(url), "must be the site's public address, without a user name or password")
    // One form everywhere (QR codes, canonical links, the sitemap): ASCII, as browsers send it.
    .transform((url) => new URL(url).href.replace(/\/+$/, "")),
  /** Where patients come; the first is the main one, shown first and on the tri-fold. */
  locations: z.array(location).min(1, "must list at least one location with its address and hours"),
  /** Path of the logo inside the content folder, e.g. `images/logo.svg` (SVG, PNG or JPEG). */
  logo: z
    .string()
    .regex(/^(?!\/)(?!.*\.\.)[\w./-]+\.(svg|png|jpe?g)$/i, "must be a path inside the content folder to an .svg, .png or .jpg file, e.g. images/logo.svg")
    .optional(),
  colors: z.strictObject({ primary: hexColour, accent: hexColour }).default({ primary: "#1d4e89", accent: "#0f766e" }),
  /** How large the logo is drawn beside the clinic's name, on the site and brochures: small, medium (default) or large. */
  logoSize: z.enum(["small", "medium", "large"]).optional(),
  /**
   * A brand typeface: the name of an npm @fontsource package the clinic added to its dependencies
   * (e.g. @fontsource/lexend), embedded in every PDF like Pamphlet's own.
   */
  font: z
    .string()
    .regex(/^@fontsource\/[a-z0-9-]+$/, 'must be the name of an @fontsource package, e.g. "@fontsource/lexend" (npm install it first)')
    .optional(),
  /** Where patients book online: a button on every page and a line on every brochure's back. */
  booking: z
    .strictObject({
      url: z.url({ protocol: /^https?$/, error: "must be the full address of the booking page, for example https://book.example.com" }),
      label: localized(2, 40).optional(),
    })
    .optional(),
  /** Procedure categories in the order the home page shows them; a procedure's category must be one of them. */
  categories: z.array(localized(2, 60)).min(1).optional(),
  paper: z.enum(papers).default("letter"),
  /** Brochure formats `build` makes when `--formats` is not given; the clinic's paper alone by default. */
  brochureFormats: z.array(z.enum(brochureFormats)).min(1).optional(),
  defaultLanguage: language.default("en"),
  /** Languages the site is published in; the default language first. Each is checked for missing translations. */
  languages: z.array(language).min(1).optional(),
  /** How dates are written in each language: en-GB gives "15 January 2026"; without it, en-US ("January 15, 2026"). */
  locales: z.strictObject({ en: locale("en").optional(), es: locale("es").optional() }).optional(),
  /** Reading-level targets per language: English Flesch–Kincaid grade (at most), Spanish INFLESZ score (at least). */
  readingTargets: z.strictObject({ en: z.number().min(1).max(20).optional(), es: z.number().min(0).max(100).optional() }).optional(),
  /** What patients do when the clinic is closed: the emergency number (from the first location's country unless set) and out-of-hours advice. */
  emergency: z
    .strictObject({
      number: z
        .string()
        .trim()
        .regex(/^[0-9]{2,6}$/, 'must be the number a patient dials, digits only, for example "999"')
        .optional(),
      outOfHours: localized(10, 300).optional(),
    })
    .optional(),
  /** Months between reviews of a guide: each page and brochure shows its next review date (default 12). */
  reviewEveryMonths: z.number().int().min(1).max(36).optional(),
  /** true when the content is published for patients: placeholders and overdue reviews become errors. */
  release: z.boolean().optional(),
  /** Extra phrases `check` refuses as absolute or risky claims, per language, on top of its own list. */
  bannedClaims: z.strictObject({ en: z.array(text(2, 60)).optional(), es: z.array(text(2, 60)).optional() }).optional(),
  /** Publishes the browser editor at `/admin/` (see editorSchema.ts); without it the site has none. */
  editor: editorSchema.optional(),
});

export type Clinic = z.infer<typeof clinicSchema>;
