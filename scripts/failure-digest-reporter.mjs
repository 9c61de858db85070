// A vitest reporter for `npm test` (scripts/test.mjs): writes what made a run fail — unhandled errors
// and failed tests, each with its message and the first lines of its stack — to the file named by
// MOTCUA_FAILURE_DIGEST, so the runner can print it last, where a CI log's tail shows it.
import { writeFileSync } from 'node:fs';

const STACK_LINES = 12;

function describeError(error) {
  // A database error's SQLSTATE (and the like) says more than its message.
  const code = error?.code ? ` [${error.code}]` : '';
  const message = `${error?.name ?? 'Error'}${code}: ${error?.message ?? String(error)}`;
  const stack = (error?.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+(at|❯) /.test(line) && !line.includes('node_modules/@vitest/'))
    .slice(0, STACK_LINES)
    .join('\n');
  const cause = error?.cause ? `\ncaused by ${describeError(error.cause)}` : '';
  return `${message}${stack ? `\n${stack}` : ''}${cause}`;
}

export default class FailureDigestReporter {
  onTestRunEnd(testModules, unhandledErrors) {
    const file = process.env.MOTCUA_FAILURE_DIGEST;
    if (!file) return;
    const entries = [];
    for (const error of unhandledErrors) {
      // Vitest names the test file that was running when the error arrived, when it knows it.
      const where = error?.VITEST_TEST_PATH ?? '';
      entries.push(`unhandled error${where ? ` while ${where} ran` : ''}:\n${describeError(error)}`);
    }
    for (const module of testModules) {
      for (const error of module.errors()) {
        entries.push(`${module.moduleId}: error outside any test:\n${describeError(error)}`);
      }
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state !== 'failed') continue;
        for (const error of result.errors ?? []) {
          entries.push(`${module.moduleId} › ${test.fullName}:\n${describeError(error)}`);
        }
      }
    }
    writeFileSync(file, entries.join('\n\n'));
  }
}
