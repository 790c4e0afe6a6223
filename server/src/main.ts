#!/usr/bin/env node
/** Entry point: `statement-lens-server --stdio` (other editors), or `--node-ipc` when VS Code starts it. */
import * as path from 'node:path';
import { format } from 'node:util';
import { createConnection, IPCMessageReader, IPCMessageWriter, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { limitHeapGrowth } from './heapGrowth';
import { createParserPool } from './parseWorkers';
import { attachScheduler, RequestScheduler } from './requestScheduler';
import { startServer } from './server';
import { createStreamConnection } from './transport';

if (process.argv.includes('--version')) {
  console.log('statement-lens-server 0.1.0');
  process.exit(0);
}

limitHeapGrowth();

let connection: Connection;
if (process.argv.includes('--stdio')) {
  connection = createStreamConnection(process.stdin, process.stdout, {
    exit: (code, reason) => {
      if (reason) process.stderr.write(`${reason}\n`, () => process.exit(code));
      else process.exit(code);
    },
  });
  // Standard output carries the protocol: anything printed goes to the client's log instead.
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
} else if (process.argv.includes('--node-ipc')) {
  // VS Code's transport, with heavy requests held behind light ones as over stdio (requestScheduler.ts).
  const writer = new IPCMessageWriter(process);
  const scheduler = new RequestScheduler(writer);
  connection = attachScheduler(createConnection(ProposedFeatures.all, scheduler.watch(new IPCMessageReader(process)), writer, scheduler.connectionOptions), scheduler);
} else {
  connection = createConnection(ProposedFeatures.all);
}

// The bundle lives in server/out/; the seeds ship beside it in the package.
startServer(connection, { bundledSeedsPath: path.resolve(__dirname, '..', '..', 'seeds'), parser: createParserPool() });
