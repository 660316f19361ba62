import { countryCode } from "../content/countryCode.ts";
import { alsoAnswered, emergencyNumberOf, emergencyNumbers } from "../content/emergencyNumbers.ts";
import { proseLines } from "../content/codeFences.ts";
import { phonePattern } from "../content/phoneNumbers.ts";
import { bodyProblem, type Check, type Problem } from "./types.ts";
import { wholeWords } from "./wholeWords.ts";

const digitsOf = (text: string) => text.replace(/\D/g, "");

/**
 * The clinic's phone numbers and street addresses typed into a guide: pages and brochures add
 * them from clinic.yaml, so a copy in the text goes out of date when the clinic moves or changes
 * its number, in every brochure already printed.
 */
export const checkClinicDetails: Check = (context) => [...typedDetails(context), ...otherCountriesEmergencyNumbers(context)];

/**
 * "Call 911" in the guide of a clinic whose patients dial 999 (found by a clinician's QA: a British
 * clinic's take-home sheet printed it just above its own "In an emergency, call 999"). An error:
 * a patient in an emergency dials what the sheet says.
 */
const otherCountriesEmergencyNumbers: Check = ({ content }) => {
  const own = emergencyNumberOf(content.clinic);
  if (!own) return [];
  const code = countryCode(content.clinic.locations[0]?.address.country ?? "") ?? "";
  const right = new Set([own, ...(alsoAnswered[code] ?? [])]);
  const wrong = [...new Set(Object.values(emergencyNumbers))].filter((number) => !right.has(number));
  // Bold or italic around the number too ("call **911**"); not the start of a longer number ("call 131 450"),
  // but a number after it is not part of it ("call 911 24 hours a day").
  const dialled = new RegExp(
    `(?<![\\p{L}])(?:call|dial|ring|phone|llame al|llamar al|marque el|marque)\\s+[*_]*(${wrong.join("|")})(?!\\p{N}|[ .-]\\p{N}{3})`,
    "giu",
  );
  return content.procedures.flatMap((document) =>
    proseLines(document.body).flatMap((line, index) =>
      [...line.matchAll(dialled)].map((match) =>
        bodyProblem(
          document,
          index + 1,
          "error",
          "clinic-details",
          `"${match[1]}" is not the emergency number where this clinic is: it is ${own} (clinic.yaml). Write ${own}, or leave the number out: ` +
            "pages and brochures add the right one under the emergency block",
          match.index + match[0].length - match[1]!.length + 1,
        ),
      ),
    ),
  );
};

const typedDetails: Check = ({ content }) => {
  const { clinic } = content;
  const phones = [clinic.phone, ...clinic.locations.flatMap((location) => location.phone ?? [])]
    .filter((phone) => digitsOf(phone).length >= 7)
    .map(phonePattern);
  // "120 Sample Street" of "120 Sample Street, Suite 300": the part a writer would type.
  const streets = clinic.locations.map((location) => location.address.street.split(",")[0]!.trim().toLowerCase()).filter((street) => street.length >= 6);
  const streetPattern = streets.length > 0 ? wholeWords(streets) : undefined;
  // Guides only: a page such as "About us" or "Directions" may well give the address.
  return content.procedures.flatMap((document) => {
    const problems: Problem[] = [];
    document.body.split("\n").forEach((line, index) => {
      // The clinic's numbers however written (see phonePattern), whatever follows them ("… (24 hours)").
      const typedPhones = phones.flatMap((phone) => [...line.matchAll(phone)].map((match) => match[0]));
      const typedStreets = [...new Set(streetPattern ? [...line.matchAll(streetPattern)].map((match) => match[0].toLowerCase()) : [])];
      const found: Array<[string, string]> = [
        ...typedPhones.map((phone): [string, string] => [phone, "phone number"]),
        ...typedStreets.map((street): [string, string] => [street, "address"]),
      ];
      for (const [text, what] of found) {
        const column = line.toLowerCase().indexOf(text.toLowerCase()) + 1;
        const shown = line.slice(column - 1, column - 1 + text.length);
        problems.push(
          bodyProblem(
            document,
            index + 1,
            "warning",
            "clinic-details",
            `"${shown}" is the clinic's ${what}: leave it out, pages and brochures add it from clinic.yaml (a copy here goes out of date when it changes)`,
            column,
          ),
        );
      }
    });
    return problems;
  });
};
