import { localize, type Clinic } from "../content/clinicSchema.ts";
import type { ProcedureSource } from "../content/load.ts";
import { countryCode } from "../content/countryCode.ts";
import { structuredHours } from "../content/openingHours.ts";
import { procedureUrl } from "../shared/routes.ts";

/** schema.org data for search engines, from front matter and clinic.yaml (never typed by hand). */

export function procedureJsonLd(procedure: ProcedureSource, clinic: Clinic): object {
  const url = `${clinic.siteUrl}${procedureUrl(procedure.slug, procedure.lang, clinic)}`;
  return {
    "@context": "https://schema.org",
    "@type": "MedicalProcedure",
    "@id": `${url}#procedure`,
    name: procedure.title,
    description: procedure.summary,
    url,
    inLanguage: procedure.lang,
    // Only what the front matter states. (Not procedureType: an injection, a catheter and an
    // incision differ, and no field says which; not howPerformed: the numbing is not how.)
    followup: procedure.downtime,
    subjectOf: {
      "@type": "MedicalWebPage",
      url,
      lastReviewed: procedure.lastReviewed,
      reviewedBy: { "@type": "Person", name: procedure.reviewer },
      publisher: { "@id": `${clinic.siteUrl}/#clinic` },
    },
  };
}

/** A guide's questions and answers (front matter `faq`), exactly as its page shows them; none without. */
export function faqJsonLd(procedure: ProcedureSource, clinic: Clinic): object | undefined {
  if (!procedure.faq?.length) return undefined;
  return {
    "@context": "https://schema.org",
    "@type": "FAQPage",
    "@id": `${clinic.siteUrl}${procedureUrl(procedure.slug, procedure.lang, clinic)}#faq`,
    inLanguage: procedure.lang,
    mainEntity: procedure.faq.map((entry) => ({ "@type": "Question", name: entry.question, acceptedAnswer: { "@type": "Answer", text: entry.answer } })),
  };
}

export function clinicJsonLd(clinic: Clinic, lang: string): object {
  const [main, ...others] = clinic.locations.map((location, index) => ({
    "@type": "MedicalClinic",
    ...(index === 0
      ? { "@id": `${clinic.siteUrl}/#clinic`, name: clinic.name }
      : { name: `${clinic.name}, ${localize(location.name, lang, clinic.defaultLanguage)}` }),
    url: `${clinic.siteUrl}/`,
    telephone: location.phone ?? clinic.phone,
    ...(index === 0 && clinic.email ? { email: clinic.email } : {}),
    ...(index === 0 && clinic.logo ? { logo: `${clinic.siteUrl}/${clinic.logo}` } : {}),
    medicalSpecialty: "https://schema.org/Vascular",
    address: {
      "@type": "PostalAddress",
      streetAddress: location.address.street,
      addressLocality: location.address.city,
      addressRegion: location.address.region,
      postalCode: location.address.postalCode,
      // The ISO code search engines prefer ("US" for "United States"), else the name as written.
      addressCountry: countryCode(location.address.country) ?? location.address.country,
    },
    ...openingHours(location.hours),
  }));
  return { "@context": "https://schema.org", ...main, ...(others.length > 0 ? { department: others } : {}) };
}

/**
 * A location's hours as search engines read them: all of its lines, or none when one of them is
 * not plain days and times ("By appointment"). Some hours alone would tell them the clinic is
 * closed on the other days.
 */
function openingHours(hours: Clinic["locations"][number]["hours"]) {
  const lines = hours.map((line) => structuredHours(line.days, line.time));
  return lines.every((line) => line !== undefined) ? { openingHoursSpecification: lines.flat() } : {};
}

/** JSON for a `<script type="application/ld+json">` block: `<` escaped so no text can close the element. */
export const jsonForHtml = (data: object) => JSON.stringify(data).replace(/</g, "\\u003c");
