// Ordered browser steps for the end-to-end tests: the steps of one suite share a page and build on each other, so
// after a failure the rest are skipped rather than failing for the same cause.
import { it } from 'node:test';

/** A `step(name, fn)` for one suite; `explain()` returns context appended to a failing step's message. */
export function orderedSteps(timeout, explain) {
  let failed = false;
  return function step(name, fn) {
    it(name, { timeout }, async (t) => {
      if (failed) {
        t.skip('an earlier step failed');
        return;
      }
      try {
        await fn();
      } catch (err) {
        failed = true;
        err.message += explain();
        throw err;
      }
    });
  };
}
