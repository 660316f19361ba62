import { samplePhones } from "../content/samplePhones.ts";

/**
 * What a new clinic's country decides in the clinic.yaml `pamphlet init` writes: the paper its
 * printers hold, how dates are written, whether addresses have a region (a US state; UK addresses
 * have none), and a sample address in the country's own shape. The emergency number follows from
 * the country when Pamphlet reads clinic.yaml, so it is not written here.
 */
export interface CountryProfile {
  /** The name written as the address's `country`, which the rest of Pamphlet reads the code from. */
  name: string;
  paper: "letter" | "a4";
  /** How English dates are written (clinic.yaml `locales.en`). */
  englishLocale: string;
  /** A sample address: `region` only where the country's addresses have one. */
  address: { street: string; city: string; region?: string; postalCode: string };
  phone: string;
  hours: Array<{ days: string; time: string }>;
  /** What patients call the smallest veins: "spider veins" in North America, "thread veins" elsewhere in English. */
  smallVeins: "spider" | "thread";
}

const weekdays = (time: string) => [{ days: "Monday to Friday", time }];

export const countries: Record<string, CountryProfile> = {
  US: {
    name: "United States",
    paper: "letter",
    englishLocale: "en-US",
    address: { street: "120 Sample Street, Suite 300", city: "Springfield", region: "IL", postalCode: "62701" },
    phone: samplePhones.US,
    hours: weekdays("8:00 am to 5:00 pm"),
    smallVeins: "spider",
  },
  CA: {
    name: "Canada",
    paper: "letter",
    englishLocale: "en-CA",
    address: { street: "120 Sample Street, Suite 300", city: "Ottawa", region: "ON", postalCode: "K1A 0B1" },
    phone: samplePhones.CA,
    hours: weekdays("8:00 am to 5:00 pm"),
    smallVeins: "spider",
  },
  GB: {
    name: "United Kingdom",
    paper: "a4",
    englishLocale: "en-GB",
    address: { street: "12 Sample Street", city: "Manchester", postalCode: "M1 1AA" },
    phone: samplePhones.GB,
    hours: weekdays("9am to 5.30pm"),
    smallVeins: "thread",
  },
  IE: {
    name: "Ireland",
    paper: "a4",
    englishLocale: "en-IE",
    address: { street: "12 Sample Street", city: "Dublin", postalCode: "D02 X285" },
    phone: samplePhones.IE,
    hours: weekdays("9am to 5.30pm"),
    smallVeins: "thread",
  },
  AU: {
    name: "Australia",
    paper: "a4",
    englishLocale: "en-AU",
    address: { street: "12 Sample Street", city: "Melbourne", region: "VIC", postalCode: "3000" },
    phone: samplePhones.AU,
    hours: weekdays("8:30am to 5pm"),
    smallVeins: "thread",
  },
  NZ: {
    name: "New Zealand",
    paper: "a4",
    englishLocale: "en-NZ",
    address: { street: "12 Sample Street", city: "Auckland", postalCode: "1010" },
    phone: samplePhones.NZ,
    hours: weekdays("8:30am to 5pm"),
    smallVeins: "thread",
  },
  ES: {
    name: "Spain",
    paper: "a4",
    englishLocale: "en-IE",
    address: { street: "Calle de Ejemplo 12", city: "Valencia", region: "Valencia", postalCode: "46001" },
    phone: samplePhones.ES,
    hours: weekdays("9:00 to 17:00"),
    smallVeins: "thread",
  },
};

export const countryCodes = Object.keys(countries);
