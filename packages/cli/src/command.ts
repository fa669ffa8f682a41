/**
 * A CLI command: one file per command under ./commands, registered in main.ts.
 * `run` receives the raw arguments after the command name, parses them with
 * node:util parseArgs (validation at the edge) and returns an exit code.
 */
export interface CliIo {
  readonly stdout: (s: string) => void;
  readonly stderr: (s: string) => void;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}
