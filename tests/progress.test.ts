import test from "ava";
import { brochureProgress } from "../src/commands/progress.ts";

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
