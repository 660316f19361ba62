import path from "node:path";
import test from "ava";
import { runPamphlet, siteArgs } from "./helpers/cli.ts";
import { fixtureSite } from "./helpers/fixtures.ts";
import { pdfText } from "./helpers/pdf.ts";

test("a visit pack's cover has blank lines to write the patient's name, appointment date and clinician on (nothing asked or stored)", async (t) => {
  const site = await fixtureSite(t);
  t.is((await runPamphlet(["build", "--formats", "letter", ...siteArgs(site)])).code, 0);
  const out = path.join(site.root, "pack.pdf");
  const run = await runPamphlet(["pack", "sclerotherapy", "--from", site.outDir, "--out", out]);
  t.is(run.code, 0, run.stderr);
  const cover = (await pdfText(out)).split("\f")[0]!;
  t.regex(cover, /Your visit pack\s+Name\s+Appointment date\s+Clinician\s+Inside this pack/);
});
