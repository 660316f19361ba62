import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ExecutionContext } from "ava";
import type { Browser, Page } from "puppeteer-core";
import { launchBrowser } from "../../src/brochures/launchBrowser.ts";
import { until } from "./until.ts";

/** A Chromium tab whose downloads land in a temporary folder; browser and folder go in teardown. */
export async function pageWithDownloads(
  t: Pick<ExecutionContext, "teardown">,
): Promise<{ browser: Browser; page: Page; downloaded(name: string): Promise<string> }> {
  const browser = await launchBrowser();
  t.teardown(() => browser.close());
  const downloads = await mkdtemp(path.join(os.tmpdir(), "pamphlet-downloads-"));
  t.teardown(() => rm(downloads, { recursive: true, force: true }));
  const page = await browser.newPage();
  const session = await page.createCDPSession();
  await session.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
  return {
    browser,
    page,
    /** The downloaded file's path, once Chromium has written it (it renames it into place when done). */
    async downloaded(name) {
      const file = path.join(downloads, name);
      await until(() => existsSync(file), 30_000);
      return file;
    },
  };
}
