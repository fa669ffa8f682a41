#!/usr/bin/env node
/**
 * The `nariz` command. Dispatches to one module per command; NarizErrors
 * become a one-line message and exit code 2, anything else is a bug (exit 70).
 */
import { isNarizError } from '@nariz/core';
import type { CliIo, Command } from './command.js';
import { COMMANDS } from './commands/index.js';

const io: CliIo = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
};

function help(): string {
  const lines = ['Usage: nariz <command> [options]', '', 'Commands:'];
  for (const c of COMMANDS) lines.push(`  ${c.name.padEnd(10)} ${c.summary}`);
  lines.push('', 'Run `nariz <command> --help` for a command\'s options.');
  return lines.join('\n') + '\n';
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name === undefined ? 2 : 0;
  }
  const cmd: Command | undefined = COMMANDS.find((c) => c.name === name);
  if (cmd === undefined) {
    io.stderr(`nariz: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${cmd.usage}\n`);
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    if (isNarizError(e)) {
      io.stderr(`nariz ${name}: ${e.code}: ${e.message}\n`);
      return 2;
    }
    if (e instanceof TypeError && (e as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      io.stderr(`nariz ${name}: ${e.message}\n${cmd.usage}\n`);
      return 2;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`nariz: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
