import { parseStatement } from '../server/src/core';
import { ms } from './stats';

/** Hostile shapes of text at 1, 10 and 50 MB: parse time should grow in proportion to size. */
export function benchAdversarial(): void {
  const shapes: Record<string, (bytes: number) => string> = {
    'unclosed quotation marks': bytes => 'Title\n\n' + '“He said '.repeat(Math.ceil(bytes / 9)),
    'one single line': bytes => 'Title\n\n' + 'Qin Gang said that the talks went well, and '.repeat(Math.ceil(bytes / 44)),
    'nested quotes and names': bytes => 'Title\n\n' + '"As Minister Wang Yi said, \'we will, "as Le said, \'talk\'," go on\'," Yang Tao told CGTN.\n\n'.repeat(Math.ceil(bytes / 88)),
    'capitalized runs': bytes => 'Title\n\n' + 'Ab Cd Ef Gh Ij Kl Mn Op Qr St '.repeat(Math.ceil(bytes / 30)) + '\n',
  };
  for (const [name, make] of Object.entries(shapes)) {
    const row: string[] = [];
    for (const megabytes of [1, 10, 50]) {
      const text = make(megabytes * 1048576);
      const started = performance.now();
      parseStatement({ uri: 'memory:///adversarial.txt', text });
      const elapsed = performance.now() - started;
      row.push(`${megabytes} MB ${ms(elapsed)} (${(elapsed / megabytes).toFixed(0)} ms/MB)`);
    }
    console.log(`${name.padEnd(26)} ${row.join(' · ')}`);
  }
}
