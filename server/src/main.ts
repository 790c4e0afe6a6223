#!/usr/bin/env node
/** Entry point: `statement-lens-server --stdio` (or `--node-ipc` when VS Code starts it). */
import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createParserPool } from './parseWorkers';
import { startServer } from './server';

if (process.argv.includes('--version')) {
  console.log('statement-lens-server 0.1.0');
  process.exit(0);
}

// The bundle lives in server/out/; the seeds ship beside it in the package.
startServer(createConnection(ProposedFeatures.all), { bundledSeedsPath: path.resolve(__dirname, '..', '..', 'seeds'), parser: createParserPool() });
