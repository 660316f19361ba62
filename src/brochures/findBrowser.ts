import { existsSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PamphletError } from "../shared/errors.ts";

class BrowserNotFoundError extends PamphletError {}

const systemBrowsers = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

/**
 * The Chrome or Chromium to print with: `PUPPETEER_EXECUTABLE_PATH` when set, else a system
 * browser, else one that `npm run setup` downloaded into Puppeteer's cache.
 */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string {
  const chosen = env.PUPPETEER_EXECUTABLE_PATH;
  if (chosen) {
    if (existsSync(chosen)) return chosen;
    throw new BrowserNotFoundError(
      `PUPPETEER_EXECUTABLE_PATH is set to ${chosen}, but there is no file there. Point it at a Chrome or Chromium binary, or unset it.`,
    );
  }
  const found = systemBrowsers.find((candidate) => existsSync(candidate)) ?? findInPuppeteerCache();
  if (found) return found;
  throw new BrowserNotFoundError(
    "No Chrome or Chromium found to print brochures with. " +
      "Run `npx pamphlet setup` to install one (`npm run setup` in Pamphlet's own repository), " +
      "or set PUPPETEER_EXECUTABLE_PATH to the path of a Chrome or Chromium binary.",
  );
}

function findInPuppeteerCache(): string | undefined {
  const cache = path.join(os.homedir(), ".cache", "puppeteer", "chrome");
  if (!existsSync(cache)) return undefined;
  for (const version of readdirSync(cache).sort().reverse()) {
    for (const binary of [
      "chrome-linux64/chrome",
      "chrome-mac-x64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
      "chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing",
    ]) {
      const candidate = path.join(cache, version, binary);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}
