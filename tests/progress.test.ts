import test from "ava";
import { brochureProgress } from "../src/cli/progress.ts";
import { reportBrochureSummary } from "../src/cli/report.ts";

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, columns: 120, write: (text: string) => writes.push(text) } as unknown as NodeJS.WriteStream, writes };
}

const made = (name: string) => ({ name, ok: true as const, skipped: false, file: `/x/${name}`, bytes: 2048, seconds: 0.5 });

test("on a terminal, progress is one line redrawn with a bar, done/total, the brochure and time left", (t) => {
  const { stream, writes } = fakeStream(true);
  const progress = brochureProgress(stream);
  progress.update(made("a.pdf"), 1, 3);
  progress.update(made("b.pdf"), 2, 3);
  progress.update(made("c.pdf"), 3, 3);
  t.regex(writes[0]!, /^\r\u001b\[2K█{8}░{16} 1\/3 {2}a\.pdf {2}about \d+ s left$/);
  t.regex(writes[1]!, /2\/3 {2}b\.pdf/);
  t.regex(writes[2]!, /█{24} 3\/3 {2}c\.pdf {2}\d+\.\d s$/);
  t.is(writes.at(-1), "\n");
});

test("elsewhere, progress is one plain line per brochure", (t) => {
  const { stream, writes } = fakeStream(false);
  const progress = brochureProgress(stream);
  progress.update(made("a.pdf"), 1, 2);
  progress.update(made("b.pdf"), 2, 2);
  t.deepEqual(writes, ["[1/2] a.pdf  2 KB  0.5 s\n", "[2/2] b.pdf  2 KB  0.5 s\n"]);
});

test("the closing report names the brochures that failed for one reason on one line", (t) => {
  const lines: string[] = [];
  const original = { log: console.log, error: console.error };
  console.log = () => undefined;
  console.error = (line: string) => lines.push(line);
  try {
    const backPanel = "does not fit: the back panel is over by about 3 lines (14 mm): shorten the contact details";
    const ok = reportBrochureSummary(
      [
        { name: "a.trifold.pdf", ok: false, error: backPanel },
        { name: "a.pdf", ok: true, skipped: false, file: "a.pdf", bytes: 1, seconds: 1 },
        { name: "b.trifold.pdf", ok: false, error: backPanel },
        { name: "c.pdf", ok: false, error: "image(s) did not load" },
      ],
      1,
    );
    t.false(ok);
  } finally {
    Object.assign(console, original);
  }
  t.deepEqual(lines, [
    `  not made: a.trifold.pdf, b.trifold.pdf (does not fit: the back panel is over by about 3 lines (14 mm): shorten the contact details)`,
    "  not made: c.pdf (image(s) did not load)",
  ]);
});
