/**
 * Reads clinic.yaml's opening hours, written for patients ("Monday to Thursday", "8:00 am to 5:00 pm";
 * "De lunes a jueves", "8:00 a. m. a 5:00 p. m."), as schema.org's OpeningHoursSpecification, so search
 * engines can show them. A line it cannot read is left out of the structured data, never guessed.
 */

import { localize, type Localized } from "./clinicSchema.ts";
import { foldText } from "./foldText.ts";

const week = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
type Day = (typeof week)[number];

// Names and common abbreviations in the languages Pamphlet publishes, accents removed.
const dayWords: Record<string, number> = Object.fromEntries(
  [
    ["monday mon lunes lun", 0],
    ["tuesday tue tues martes mar", 1],
    ["wednesday wed miercoles mie", 2],
    ["thursday thu thur thurs jueves jue", 3],
    ["friday fri viernes vie", 4],
    ["saturday sat sabado sab", 5],
    ["sunday sun domingo dom", 6],
  ].flatMap(([names, index]) => (names as string).split(" ").map((name) => [name, index as number])),
);
// Whole phrases that stand for a set of days.
const dayPhrases: Array<[RegExp, number[]]> = [
  [/^(daily|every day|todos los dias|diario)$/, [0, 1, 2, 3, 4, 5, 6]],
  [/^(weekdays|entre semana|dias laborables)$/, [0, 1, 2, 3, 4]],
  [/^(weekends?|fines? de semana)$/, [5, 6]],
];
const rangeWords = new Set(["to", "through", "thru", "a", "al", "hasta", "-"]);
const listWords = new Set(["and", "y", "&", ","]);
const fillerWords = new Set(["de", "del", "from", "los", "on"]);

export interface OpeningHoursSpecification {
  "@type": "OpeningHoursSpecification";
  dayOfWeek: Day[];
  opens: string;
  closes: string;
}

/** One line of clinic.yaml's hours, read in English first, then in each language it is written in. */
export function structuredHours(days: Localized, time: Localized): OpeningHoursSpecification[] | undefined {
  const languages = ["en", ...new Set([days, time].flatMap((value) => (typeof value === "string" ? [] : Object.keys(value))))];
  for (const lang of languages) {
    const structured = openingHoursSpecification(localize(days, lang), localize(time, lang));
    if (structured) return structured;
  }
  return undefined;
}

/** The structured form of one line of hours, or undefined when it is not plain days and times. */
export function openingHoursSpecification(days: string, time: string): OpeningHoursSpecification[] | undefined {
  const dayList = readDays(days);
  const spans = readTimes(time);
  if (!dayList || !spans) return undefined;
  return spans.map(([opens, closes]) => ({ "@type": "OpeningHoursSpecification", dayOfWeek: dayList, opens, closes }));
}

const plain = (text: string) => foldText(text).replace(/[–—]/g, "-");

function readDays(text: string): Day[] | undefined {
  const words = plain(text)
    .replace(/\./g, "")
    .replace(/([,&-])/g, " $1 ")
    .split(/\s+/)
    .filter((word) => word && !fillerWords.has(word));
  const phrase = dayPhrases.find(([pattern]) => pattern.test(plain(text)));
  if (phrase) return phrase[1].map((index) => week[index]!);
  const days = new Set<number>();
  // "Saturdays", "sábados": a day's name in the plural.
  const dayOf = (word = "") => dayWords[word] ?? (word.endsWith("s") ? dayWords[word.slice(0, -1)] : undefined);
  for (let i = 0; i < words.length; i++) {
    const day = dayOf(words[i]);
    if (day === undefined) {
      if (listWords.has(words[i]!)) continue;
      return undefined;
    }
    if (rangeWords.has(words[i + 1] ?? "") && dayOf(words[i + 2]) !== undefined) {
      const last = dayOf(words[i + 2])!;
      for (let d = day; ; d = (d + 1) % 7) {
        days.add(d);
        if (d === last) break;
      }
      i += 2;
    } else days.add(day);
  }
  return days.size > 0 ? week.filter((_, index) => days.has(index)) : undefined;
}

// "8", "8:30", "08:30", "8 am", "8:30 p. m.", "17h", "17.30"
const clock = String.raw`(\d{1,2})(?:[:.h](\d{2}))?\s*(a\s*m|p\s*m)?`;
const span = new RegExp(String.raw`^${clock}\s*(?:-|to|a|until|hasta)\s*${clock}$`);

function readTimes(text: string): Array<[string, string]> | undefined {
  // Dots go ("p.m.", "a. m.") except between digits: "5.30pm" is half past five.
  const parts = plain(text)
    .replace(/(?<!\d)\.|\.(?!\d)/g, "")
    .replace(/(\d)h\b/g, "$1")
    .split(/\s*(?:,|;|\band\b|\by\b)\s*/);
  const spans: Array<[string, string]> = [];
  for (const part of parts) {
    const match = span.exec(part.replace(/^(de|from)\s+/, ""));
    if (!match) return undefined;
    const closes = time24(match[4]!, match[5], match[6]);
    // "1 to 5 pm": the opening hour takes the closing one's am/pm when that still opens first;
    // "10 to 2 pm" keeps 10:00. Without any am/pm, "1:00 to 5:00" is too unlikely for a clinic to guess.
    const shared = !match[3] && match[6] ? time24(match[1]!, match[2], match[6]) : undefined;
    const opens = shared && closes && shared < closes ? shared : time24(match[1]!, match[2], match[3]);
    if (!match[3] && !match[6] && Number(match[1]) < 6) return undefined;
    if (!opens || !closes || opens >= closes) return undefined;
    spans.push([opens, closes]);
  }
  return spans.length > 0 ? spans : undefined;
}

function time24(hours: string, minutes = "00", half?: string): string | undefined {
  let hour = Number(hours);
  if (Number(minutes) > 59 || hour > 23 || (half && (hour < 1 || hour > 12))) return undefined;
  if (half?.startsWith("p") && hour < 12) hour += 12;
  if (half?.startsWith("a") && hour === 12) hour = 0;
  return `${String(hour).padStart(2, "0")}:${minutes}`;
}
