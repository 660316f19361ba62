import test from "ava";
import { RebuildQueue } from "../src/dev/rebuildQueue.ts";
import { until } from "./helpers/until.ts";

/** A build that the test finishes by hand, counting how often it started. */
function controlledBuild() {
  const finishers: Array<() => void> = [];
  let started = 0;
  const build = () => {
    started++;
    return new Promise<void>((resolve) => finishers.push(resolve));
  };
  return { build, started: () => started, finish: () => finishers.shift()?.() };
}

/** Lets the queue's short wait for more events pass: time itself is what is waited for here. */
const pastTheWait = () => new Promise((resolve) => setTimeout(resolve, 100));

test("the file events of one burst (a checkout, a save-all) make one rebuild", async (t) => {
  const { build, started, finish } = controlledBuild();
  const queue = new RebuildQueue(build);
  for (let file = 0; file < 5; file++) queue.request();
  t.true(await until(() => started() === 1, 5000, { everyMs: 5 }));
  await pastTheWait();
  finish();
  await queue.idle();
  t.is(started(), 1, "no second rebuild for the same burst");
});

test("saves during a rebuild make exactly one more, so the last save is always built", async (t) => {
  const { build, started, finish } = controlledBuild();
  const queue = new RebuildQueue(build);
  const running = queue.now();
  t.is(started(), 1);
  queue.request();
  queue.request();
  await pastTheWait();
  t.is(started(), 1, "a save waits for the running rebuild");
  finish();
  t.true(await until(() => started() === 2, 5000, { everyMs: 5 }), "one rebuild for both saves, once the first ended");
  finish();
  await running;
  t.is(started(), 2);
});
