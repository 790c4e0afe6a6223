import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { SEEDS } from '../protocol/serverHarness';

/** A file of the hostile corpus and what the indexer must make of it. */
export interface HostileFile {
  /** Path relative to the corpus root. */
  readonly name: string;
  /**
   * `good`: indexed, no error. `reported`: a log line or diagnostic names it (it may also be indexed).
   * `absent`: never indexed (binary, over the size limit, not a file), and reported.
   */
  readonly expect: 'good' | 'reported' | 'absent';
  /** What the message must say, when there is one. */
  readonly message?: RegExp;
  /** Not a file an editor can open (a link to nowhere, a pipe): said in the log only, no diagnostic. */
  readonly logOnly?: boolean;
}

export interface HostileCorpus {
  readonly root: string;
  readonly files: HostileFile[];
  /** Whether the chmod 000 file could still be read (we run as root). */
  readonly unreadableIsReadable: boolean;
}

const QUOTE = (speaker: string, words: string) => `"${words}," ${speaker} told reporters on Monday.`;
export const UTF16_QUOTE = 'Our partnership rests on mutual respect and shared interests';
export const CRLF_QUOTE = 'We will keep the channels of communication open at every level';
export const CR_QUOTE = 'The door to dialogue remains open for anyone who wants it';
export const EMPTY_FILES = 2000;
export const LONG_LINE_QUOTE = 'Nothing in this dump will stop the rest of the file from being read';

/**
 * Writes a corpus of everything a scraped folder can throw at the indexer: undecodable and oversized files,
 * odd encodings and line ends, pathological quotation marks, broken metadata, links that loop or dangle, a
 * pipe and an unreadable file, beside the five good seeds. Nothing large is committed; it is made here.
 */
export function writeHostileCorpus(root: string): HostileCorpus {
  const files: HostileFile[] = [];
  const write = (name: string, content: string | Uint8Array, expect: HostileFile['expect'], message?: RegExp) => {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
    files.push({ name, expect, message });
  };

  mkdirSync(path.join(root, 'seeds'), { recursive: true });
  for (const seed of readdirSync(SEEDS)) {
    copyFileSync(path.join(SEEDS, seed), path.join(root, 'seeds', seed));
    if (seed.endsWith('.txt')) files.push({ name: `seeds/${seed}`, expect: 'good' });
  }

  // Undecodable bytes.
  write('bad/image.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, ...Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)]), 'absent', /binary/i);
  write('bad/nul.md', `Talks\n\nA line with a NUL\u0000byte in it, ${QUOTE('Minister Wang Yi', 'We never stop talking')}\n`, 'absent', /binary|NUL/i);
  write('bad/latin1.txt', Uint8Array.from([...Buffer.from('Caf'), 0xe9, ...Buffer.from(` talks\n\n${QUOTE('Minister Jean Dupont', 'We agreed on every point of the plan today')}\n`)]), 'reported', /not valid UTF-8/);
  // Empty and whitespace-only files are not documents: skipped silently, counted in the summary.
  write('bad/empty.txt', '', 'absent');
  write('bad/blank.md', ' \r\n\n\t\n', 'absent');
  // A folder of empty files (200,000 made 200,000 diagnostics and 80 MB of log lines): not listed, none is a document.
  mkdirSync(path.join(root, 'empties'));
  for (let i = 0; i < EMPTY_FILES; i++) writeFileSync(path.join(root, 'empties', `${i}.txt`), '');
  // Encodings and line ends that are fine and must be read right.
  write('encodings/utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Trade talks in Geneva\r\n\r\n${QUOTE('Minister Ana Sousa', UTF16_QUOTE)}\r\n`, 'utf16le')]), 'good');
  write('encodings/crlf.txt', `Ministers meet in Oslo\r\n\r\n${QUOTE('Foreign Minister Kari Berg', CRLF_QUOTE)}\r\n\r\nThe talks continue on Tuesday.\r\n`, 'good');
  write('encodings/cr.txt', `Envoys meet in Lima\r\r${QUOTE('Ambassador Rosa Pinto', CR_QUOTE)}\r\rThe envoys meet again next week.\r`, 'good');
  // Sizes: a file over the default 20 MB limit, and a 1 MB line after a good paragraph.
  write('big/fifty-megabytes.txt', Buffer.alloc(50 * 1024 * 1024, 'All work and no play. '), 'absent', /50\.0 MB is over the limit of 20\.0 MB \(setting statementLens\.corpus\.maxFileSizeMB\)/);
  write('big/one-megabyte-line.txt', `A dump\n\n${QUOTE('Secretary Jane Roe', LONG_LINE_QUOTE)}\n\n${'Quux said "zzz" and '.repeat(52_429).slice(0, 1024 * 1024)}\n`, 'reported', /^Line 5 \(1,048,576 characters\) is over the limit of 100,000 characters \(setting statementLens\.corpus\.maxLineLength\)/);
  // Pathological quotation marks: valid text, indexed, in bounded time.
  write('quotes/unclosed.txt', `Ten thousand openings\n\n${'“He said '.repeat(10_000)}\n`, 'good');
  write('quotes/nested.txt', `Nested\n\n${QUOTE('Minister Wang Yi', `${'“‘'.repeat(2000)}deep${'’”'.repeat(2000)}`)}\n`, 'good');
  // Broken metadata: reported, and the document still indexed as text.
  write('frontmatter/half.md', `---\ntitle: Unfinished\ndate: 2024-01-01\n\n${QUOTE('Minister Wang Yi', 'The front matter of this file never closes')}\n`, 'reported', /never closes/);
  write('frontmatter/invalid.md', `---\ntitle: [unclosed\ndate: : :\n---\n\n${QUOTE('Minister Wang Yi', 'The front matter of this file is not valid YAML')}\n`, 'reported', /not valid YAML/);
  write('sidecar-yaml/statements.yaml', 'talks.txt: [unclosed\n  date: : :\n', 'reported', /Sidecar is not valid YAML/);
  write('sidecar-yaml/talks.txt', `Talks beside a broken sidecar\n\n${QUOTE('Minister Wang Yi', 'A broken sidecar does not hide this document')}\n`, 'good');
  write('sidecar-tsv/MANIFEST.tsv', 'name\tdate\ntalks.txt\t2024-01-01\n', 'reported', /no "file" column/);
  write('sidecar-tsv/talks.txt', `Talks beside a broken manifest\n\n${QUOTE('Minister Wang Yi', 'A broken manifest does not hide this document')}\n`, 'good');
  write('sidecar-tsv2/MANIFEST.tsv', Buffer.from([0x66, 0x69, 0x6c, 0x65, 0, 0, 0xff, 0xfe, 0x09]), 'reported', /binary/i);

  // Links: a folder linking to its parent, a link to nowhere, two links pointing at each other.
  symlinkSync('..', path.join(root, 'seeds', 'loop'));
  files.push({ name: 'seeds/loop', expect: 'reported', message: /a link to .*, which is read already/, logOnly: true });
  symlinkSync(path.join(root, 'nowhere.txt'), path.join(root, 'dangling.txt'));
  files.push({ name: 'dangling.txt', expect: 'absent', message: /broken link/i, logOnly: true });
  symlinkSync('ping.txt', path.join(root, 'pong.txt'));
  symlinkSync('pong.txt', path.join(root, 'ping.txt'));
  files.push({ name: 'ping.txt', expect: 'absent', message: /broken link/i, logOnly: true }, { name: 'pong.txt', expect: 'absent', message: /broken link/i, logOnly: true });
  // A named pipe with a corpus name: reading it would block forever.
  execFileSync('mkfifo', [path.join(root, 'pipe.txt')]);
  files.push({ name: 'pipe.txt', expect: 'absent', message: /not a regular file/, logOnly: true });
  // An unreadable file. As root, permissions do not stop reading, so it is simply indexed.
  write('unreadable.txt', `Sealed\n\n${QUOTE('Minister Wang Yi', 'Nobody may read this file')}\n`, 'good');
  chmodSync(path.join(root, 'unreadable.txt'), 0o000);
  const unreadableIsReadable = process.getuid?.() === 0;
  if (!unreadableIsReadable) files[files.length - 1] = { name: 'unreadable.txt', expect: 'absent', message: /Could not read the file: .*EACCES/ };
  return { root, files, unreadableIsReadable };
}
