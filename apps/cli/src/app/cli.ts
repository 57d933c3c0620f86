/**
 * The `mezzo` command line. Exit codes: 0 success, 2 bad input (invalid transcript, unknown
 * jurisdiction or license type, usage error), 1 unexpected failure.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { EngineError, evaluate, isValidIsoDate, validateTranscript } from '@mezzo/compliance-engine';
import type { RuleSource } from './rule-source';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  readStdin(): Promise<string>;
  /** Today's date (YYYY-MM-DD) for transcripts without `asOf`: the engine itself reads no clock. */
  today(): string;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_INVALID = 2;

/** Signals a user-facing failure with its exit code; caught once in runCli. */
class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

function knownList(values: readonly string[]): string {
  return values.length > 0 ? values.join(', ') : '(none)';
}

function resolveRules(rules: RuleSource, jurisdiction: string, code: string) {
  const found = rules.find(jurisdiction, code);
  if (found) return found;
  const all = rules.jurisdictions();
  const j = all.find((x) => x.jurisdiction === jurisdiction.trim().toUpperCase());
  if (!j) {
    throw new CliFailure(`Unknown jurisdiction "${jurisdiction}". Known jurisdictions: ${knownList(all.map((x) => x.jurisdiction))}`, EXIT_INVALID);
  }
  throw new CliFailure(`Unknown license type "${code}" for ${j.jurisdiction}. Known license types: ${knownList(j.licenseTypes.map((lt) => lt.code))}`, EXIT_INVALID);
}

async function evaluateCommand(file: string, opts: { today?: string }, io: CliIo, rules: RuleSource): Promise<void> {
  const text = file === '-' ? await io.readStdin() : await io.readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new CliFailure(`Cannot read ${file}: ${error.code ?? error.message}`, EXIT_INVALID);
  });
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    throw new CliFailure(`${file === '-' ? 'stdin' : file}: not valid JSON (${(error as Error).message})`, EXIT_INVALID);
  }
  const validation = validateTranscript(input);
  if (!validation.ok) {
    // A malformed jurisdiction ("NJX", "nj") is told which ones exist, as an unknown one is.
    const known = `known jurisdictions: ${knownList(rules.jurisdictions().map((x) => x.jurisdiction))}`;
    const lines = validation.errors.map((e) => `  ${e.path || '/'}: ${e.message}${e.path === '/jurisdiction' ? ` (${known})` : ''}`);
    throw new CliFailure(`Invalid transcript:\n${lines.join('\n')}`, EXIT_INVALID);
  }
  const transcript = validation.transcript;
  const found = resolveRules(rules, transcript.jurisdiction, transcript.licenseType);
  try {
    const evaluation = evaluate({ jurisdiction: found.jurisdiction.jurisdiction, licenseType: found.licenseType }, transcript, { today: opts.today ?? io.today() });
    io.stdout(`${JSON.stringify(evaluation, null, 2)}\n`);
  } catch (error) {
    if (error instanceof EngineError) throw new CliFailure(`Cannot evaluate: ${error.path ? `${error.path}: ` : ''}${error.message}`, EXIT_INVALID);
    throw error;
  }
}

/** `--today`: a date that exists (2025-02-30 does not), or a usage error (exit 2). */
function realDate(value: string): string {
  if (!isValidIsoDate(value)) throw new InvalidArgumentError('expected a real date YYYY-MM-DD, e.g. 2026-05-01.');
  return value;
}

function buildProgram(io: CliIo, rules: RuleSource): Command {
  const program = new Command('mezzo')
    .description('Mezzo continuing-education compliance: evaluate transcripts and browse rule sets')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });

  program
    .command('evaluate')
    .description('Evaluate a transcript JSON file (or - for stdin) and print the Evaluation JSON')
    .argument('<file>', 'transcript JSON file, or - to read stdin')
    .option('--today <date>', 'evaluation date (YYYY-MM-DD) when the transcript has no asOf', realDate)
    .action((file: string, opts: { today?: string }) => evaluateCommand(file, opts, io, rules));

  const rulesCmd = program.command('rules').description('Browse the bundled rule sets');
  rulesCmd
    .command('list')
    .description('List every jurisdiction and license type with a CE requirement')
    .option('--json', 'print JSON instead of a table')
    .action((opts: { json?: boolean }) => {
      const rows = rules.list();
      if (opts.json) {
        io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      const width = Math.max(4, ...rows.map((r) => r.code.length));
      for (const r of rows) io.stdout(`${r.jurisdiction}  ${r.code.padEnd(width)}  ${r.name}  (versions: ${r.versions.join(', ')})\n`);
    });
  rulesCmd
    .command('show')
    .description('Print the rule set of one license type as JSON')
    .argument('<jurisdiction>', 'USPS code, e.g. NJ')
    .argument('<licenseType>', 'license type code, e.g. LCSW')
    .action((jurisdiction: string, code: string) => {
      const found = resolveRules(rules, jurisdiction, code);
      io.stdout(`${JSON.stringify({ jurisdiction: found.jurisdiction.jurisdiction, board: found.jurisdiction.board, ...found.licenseType }, null, 2)}\n`);
    });
  return program;
}

/** Runs the CLI on `argv` (without the node and script entries) and resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo, rules: RuleSource): Promise<number> {
  const program = buildProgram(io, rules);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT_OK;
  } catch (error) {
    if (error instanceof CliFailure) {
      io.stderr(`mezzo: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof CommanderError) {
      // --help and --version exit 0; usage errors are bad input.
      return error.exitCode === 0 ? EXIT_OK : EXIT_INVALID;
    }
    io.stderr(`mezzo: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_FAILURE;
  }
}
