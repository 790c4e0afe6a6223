import Mocha from 'mocha';

/** The @vscode/test-electron contract: VS Code's extension host calls run() and waits for it. */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'statement-lens-e2e', mocha);
  await import('./extension.test.js');
  const failures = await new Promise<number>(resolve => mocha.run(resolve));
  console.log(`${mocha.suite.total() - failures} passed, ${failures} failed`);
  if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed`);
}
