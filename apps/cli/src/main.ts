#!/usr/bin/env node
/** Entry point of the `mezzo` command line: wires process I/O to runCli. */
import { readFile } from 'node:fs/promises';
import { runCli, type CliIo } from './app/cli';
import { bundledRules } from './app/rule-source';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

// `mezzo rules list | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  readStdin,
  // The calendar date in UTC: renewal dates are calendar dates and tests run with TZ=UTC.
  today: () => new Date().toISOString().slice(0, 10),
};

runCli(process.argv.slice(2), io, bundledRules).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`mezzo: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
