import test from "ava";
import { residentMemory } from "../bench/memory.ts";
import { launchBrowser } from "../src/brochures/launchBrowser.ts";

test("the bench's memory line counts the Chromium this process started, renderers included", async (t) => {
  const before = await residentMemory();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent("<p>A page, so a renderer runs.</p>");
    const during = await residentMemory();
    t.true(during.node > 0);
    t.true(during.chromium - before.chromium > 20, `Chromium counted as ${during.chromium.toFixed(0)} MB (${before.chromium.toFixed(0)} MB before it started)`);
  } finally {
    await browser.close();
  }
});
