/**
 * What each clinic.yaml field is for, in the words of a clinic's staff: the JSON Schema's
 * descriptions (editors show them on hover) and the reference page (docs/clinic-yaml.md) read them.
 * Keyed by the field's path with `[]` for list items; a test fails when a field has none.
 */
export const clinicFieldNotes: Record<string, string> = {
  name: "The clinic's name, as patients know it. Shown on every page and brochure.",
  tagline: "One line on what the clinic does: the home page's description in search results and link previews, and the booklet's PDF subject.",
  phone: "The main phone number, printed on every page and brochure (digits, spaces and ( ) - . +).",
  email: "An email address for the contact page. Patients are told not to send health questions by email.",
  siteUrl:
    "The full address of the public site. QR codes on brochures point here; a folder in it (https://example.org/clinic) publishes the site under that folder.",
  locations: "Where patients come; the first is the main one, shown first and on the tri-fold.",
  "locations[].name": "The location's name, e.g. Main clinic.",
  "locations[].address": "The location's postal address.",
  "locations[].address.street": "Street and number, with the suite or floor.",
  "locations[].address.city": "Town or city.",
  "locations[].address.region": "State, province or county, where the country's addresses have one (US, Canada, Australia); leave it out in the UK.",
  "locations[].address.postalCode": "ZIP code or postcode.",
  "locations[].address.country":
    "The country, written as patients read it (United States, United Kingdom, España): it decides the emergency number and the address order.",
  "locations[].phone": "This location's own number, when it is not the main one.",
  "locations[].hours": "Opening hours, a line each: days and time, e.g. Monday to Friday, 9am to 5.30pm.",
  "locations[].hours[].days": "The days of this line, e.g. Monday to Thursday.",
  "locations[].hours[].time": "The hours of this line, e.g. 8:00 am to 5:00 pm.",
  logo: "The logo, a path inside the content folder (SVG, PNG or JPEG), e.g. images/logo.svg.",
  logoSize: "How large the logo is drawn on the site and brochures: small, medium (default) or large. A wide logo keeps its shape.",
  colors: "Brand colours, as # and six hex digits; each is checked for contrast against white text.",
  "colors.primary": "Headings, the header and the brochure cover.",
  "colors.accent": "Links and highlights.",
  font:
    "A brand typeface: the name of an @fontsource npm package the clinic installed (npm install @fontsource/lexend). " +
    "Pages and PDFs use it, embedded; Pamphlet's own typeface stays the fallback.",
  booking: "Where patients book online: a button on every page and a line on every brochure's back.",
  "booking.url": "The full address of the booking page.",
  "booking.label": "The button's words (default: Book a visit).",
  categories: "Procedure categories in the order the home page shows them; each guide's category is one of these.",
  paper: "Paper for brochures: letter (US, Canada) or a4.",
  brochureFormats:
    "Brochures build makes when --formats is not given: letter, a4, large (large print), trifold, booklet, " +
    "aftercare (a one-page sheet to hand over after treatment).",
  defaultLanguage: "The site's main language (en or es).",
  languages: "Languages the site is published in, the default first; Spanish guides go in content/es/.",
  locales: "How dates are written per language, e.g. en: en-GB gives 1 October 2026.",
  "locales.en": "Locale for English dates, e.g. en-US, en-GB, en-AU.",
  "locales.es": "Locale for Spanish dates, e.g. es-ES, es-MX.",
  readingTargets: "Reading-level targets that check warns about.",
  "readingTargets.en": "English: the highest Flesch–Kincaid grade (default 8).",
  "readingTargets.es": "Spanish: the lowest INFLESZ score (default 65).",
  emergency: "What patients do when the clinic is closed.",
  "emergency.number": "The emergency number to call; by default the first location's country's (911, 999, 112…).",
  "emergency.outOfHours": "Out-of-hours advice shown with the emergency number.",
  reviewEveryMonths: "Months between clinical reviews of a guide; each page and brochure shows the next review date (default 12).",
  release: "Set to true when the content is published for patients: placeholders and overdue reviews become errors.",
  editor: "Publishes the browser editor at /admin/ and says where its saves go; without it the published site has no /admin/ (npm run dev always has one).",
  "editor.backend": "Where a save becomes a commit: github, gitlab or git-gateway (Netlify).",
  "editor.repo": "The repository holding the content, as owner/name (not needed for git-gateway).",
  "editor.branch": "The branch saves go to (default main).",
  "editor.authUrl": "The https address of the service that signs writers in to the Git host (for GitHub: your OAuth proxy).",
  "editor.contentFolder": "Where the content folder sits inside the repository (default content).",
  "editor.review": "Draft, then ready for clinical review, then published: a guide goes live only when someone approves it (default true).",
  bannedClaims: "Extra phrases check refuses as absolute or risky claims, per language, on top of its own list.",
  "bannedClaims.en": "English phrases.",
  "bannedClaims.es": "Spanish phrases.",
};
