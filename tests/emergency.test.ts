import test from "ava";
import { readFile, writeFile } from "node:fs/promises";
import { emergencyNumberForCountry, emergencyNumberOf } from "../src/content/emergencyNumbers.ts";
import { loadContent, loadContentOrThrow } from "../src/content/load.ts";
import { renderSite } from "../src/site/build.ts";
import { fixtureSite, type FixtureSite } from "./helpers/fixtures.ts";

async function pages(site: FixtureSite) {
  const content = await loadContentOrThrow(site.contentDir);
  const rendered = await renderSite({ content, contentDir: site.contentDir });
  return new Map(rendered.map((page) => [page.url, page.content]));
}

async function editClinic(site: FixtureSite, edit: (yaml: string) => string) {
  const file = `${site.contentDir}/_data/clinic.yaml`;
  await writeFile(file, edit(await readFile(file, "utf8")));
}

test("the emergency number comes from one table, by the country as a clinic writes it", (t) => {
  t.is(emergencyNumberForCountry("United States"), "911");
  t.is(emergencyNumberForCountry("UK"), "999");
  t.is(emergencyNumberForCountry("United Kingdom"), "999");
  t.is(emergencyNumberForCountry("GB"), "999");
  t.is(emergencyNumberForCountry("España"), "112");
  t.is(emergencyNumberForCountry("Germany"), "112");
  t.is(emergencyNumberForCountry("Australia"), "000");
  t.is(emergencyNumberForCountry("Freedonia"), undefined);
});

test("clinic.yaml's emergency.number wins over the country's", (t) => {
  const location = { address: { country: "United Kingdom" } } as never;
  t.is(emergencyNumberOf({ locations: [location] }), "999");
  t.is(emergencyNumberOf({ locations: [location], emergency: { number: "112" } }), "112");
});

const ukEmergency =
  "a clinic in the UK shows 999 and its out-of-hours advice under every guide's 'When to call us', in every print view and every page's footer";
test(ukEmergency, async (t) => {
  const site = await fixtureSite(t);
  await editClinic(
    site,
    (yaml) => yaml.replace("country: United States", "country: United Kingdom") + "emergency:\n  outOfHours: Out of hours, call NHS 111 for advice.\n",
  );
  const rendered = await pages(site);
  const html = [...rendered].filter(([url, page]) => page.startsWith("<!doctype html>") && !url.includes("/share/"));
  t.true(html.length > 5);
  for (const [url, page] of html) {
    t.regex(page, /In an emergency, call 999 or go to the nearest emergency department\.<\/strong>\s*Out of hours, call NHS 111 for advice\./, url);
    t.notRegex(page, /call 911/, url);
  }
  for (const url of ["/procedures/sclerotherapy/", "/print/sclerotherapy/", "/print/sclerotherapy/trifold/"]) {
    const page = rendered.get(url)!;
    t.truthy(page, url);
    // Under the guide's own text, not only in a footer: the block follows the body.
    t.true(page.indexOf('class="emergency"') > page.indexOf("When to call us"), url);
  }
});

test("a country Pamphlet has no number for is a warning that names the field, and the guides say 'your local emergency number'", async (t) => {
  const site = await fixtureSite(t);
  await editClinic(site, (yaml) => yaml.replace("country: United States", "country: Freedonia"));
  const { problems } = await loadContent(site.contentDir);
  const found = problems.find((problem) => problem.rule === "emergency");
  t.is(found?.severity, "warning");
  t.regex(found?.message ?? "", /does not know the emergency number for "Freedonia".*emergency: \{ number/);
  t.regex((await pages(site)).get("/procedures/sclerotherapy/")!, /call your local emergency number/);
  await editClinic(site, (yaml) => `${yaml}emergency:\n  number: "118"\n`);
  t.falsy((await loadContent(site.contentDir)).problems.find((problem) => problem.rule === "emergency"));
  t.regex((await pages(site)).get("/procedures/sclerotherapy/")!, /In an emergency, call 118 /);
});
