import type { Command } from '../command.js';

/** Every command, in help order. Add new commands here. */
export const COMMANDS: readonly Command[] = [];
