// Preloaded into the e2e server (NODE_OPTIONS=--import …) so a journey can move the server's clock
// forward, the way days pass at a desk: Date.now() and `new Date()` answer the real time plus an offset
// the test writes to MOTCUA_E2E_CLOCK_FILE. The server's services all take their time from `new Date()`
// (ctx.now), so deadlines, steps and appointments see the moved clock; nothing of the server changes.
import { readFileSync } from 'node:fs';

const file = process.env.MOTCUA_E2E_CLOCK_FILE;
if (file) {
  const RealDate = Date;
  const realNow = () => RealDate.now();
  let offset = 0;
  let readAt = Number.NEGATIVE_INFINITY;
  const currentOffset = () => {
    const t = realNow();
    // Re-read at most every 10 ms: cheap enough for every Date.now(), quick enough for the test.
    if (t - readAt > 10) {
      readAt = t;
      try {
        offset = Number(JSON.parse(readFileSync(file, 'utf8')).offsetMs) || 0;
      } catch {
        // being rewritten: keep the last offset
      }
    }
    return offset;
  };
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(realNow() + currentOffset());
      else super(...args);
    }
    static now() {
      return realNow() + currentOffset();
    }
  }
  globalThis.Date = ShiftedDate;
}
