import { readFile } from "node:fs/promises";

/**
 * A JSON file Pamphlet wrote earlier (a stamp, a manifest), or undefined when it is missing or
 * unreadable: such a record only ever saves work, so a damaged one means "make it again".
 */
export async function readJsonRecord<T>(file: string): Promise<Partial<T> | undefined> {
  try {
    const value: unknown = JSON.parse(await readFile(file, "utf8"));
    return value !== null && typeof value === "object" ? (value as Partial<T>) : undefined;
  } catch {
    return undefined;
  }
}
