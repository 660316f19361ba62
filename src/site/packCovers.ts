import { localize, type Clinic } from "../content/clinicSchema.ts";
import { siteLanguages } from "../shared/languages.ts";
import { addressLine } from "./filters/addressLine.ts";
import { packLogoPath, wordmarkRatio } from "./logoImage.ts";
import type { TemplateStrings } from "../shared/strings.ts";

/** What a visit pack's cover says, per language (templates/js/visit-pack.js draws it). */
export interface PackCover {
  lang: string;
  title: string;
  /** Labels of the blank lines to write the patient's name, appointment date and clinician on by hand. */
  writeIn: string[];
  insideTitle: string;
  pageLabel: string;
  /** The running footer's page number, as the brochures write it: "Page {page} of {pages}". */
  pageOf: string;
  clinic: string;
  phone: string;
  contactLines: string[];
  note: string;
  colour: string;
  /**
   * The logo as a PNG in the built site (relative to its root), drawn at the top of the cover; wider
   * than `wordmarkRatio` it is a wordmark and the clinic's name is not written beside it.
   */
  logo?: { path: string; wordmarkRatio: number };
}

export function packCovers(clinic: Clinic, strings: Record<string, TemplateStrings>): Record<string, PackCover> {
  return Object.fromEntries(
    siteLanguages(clinic).map((lang) => {
      const t = strings[lang]!;
      const text = (value: Parameters<typeof localize>[0]) => localize(value, lang, clinic.defaultLanguage);
      const contactLines = clinic.locations.flatMap((location) => [
        `${text(location.name)}: ${location.address.street}, ${addressLine(location.address)}${location.phone ? ` · ${location.phone}` : ""}`,
        ...location.hours.map((line) => `  ${text(line.days)}: ${text(line.time)}`),
      ]);
      return [
        lang,
        {
          lang,
          title: t.printCentre.pack.cover,
          writeIn: [t.printCentre.pack.writeName, t.printCentre.pack.writeDate, t.printCentre.pack.writeClinician],
          insideTitle: t.printCentre.pack.inside,
          pageLabel: t.printCentre.pack.page,
          pageOf: `${(t.pageFooter as { page: string }).page} {page} ${(t.pageFooter as { of: string }).of} {pages}`,
          clinic: clinic.name,
          phone: `${t.callUs} ${clinic.phone}`,
          contactLines,
          note: t.disclaimer,
          colour: clinic.colors.primary,
          ...(clinic.logo ? { logo: { path: packLogoPath, wordmarkRatio } } : {}),
        },
      ];
    }),
  );
}
