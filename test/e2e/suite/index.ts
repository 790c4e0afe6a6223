import Mocha from 'mocha';

/** The @vscode/test-electron contract: VS Code's extension host calls run() and waits for it. */
export async function run(): Promise<void> {
  // STATEMENT_LENS_E2E_GREP runs only the tests whose titles match it (while working on one feature).
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec', ...(process.env.STATEMENT_LENS_E2E_GREP ? { grep: process.env.STATEMENT_LENS_E2E_GREP } : {}) });
  mocha.suite.emit('pre-require', globalThis, 'statement-lens-e2e', mocha);
  await import('./extension.test.js');
  await import('./timeline.test.js');
  const failures = await new Promise<number>(resolve => mocha.run(resolve));
  console.log(`${mocha.suite.total() - failures} passed, ${failures} failed`);
  if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed`);
}
