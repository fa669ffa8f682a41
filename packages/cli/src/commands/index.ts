import type { Command } from '../command.js';
import { disperse } from './disperse.js';
import { hazard } from './hazard.js';

/** Every command, in help order. Add new commands here. */
export const COMMANDS: readonly Command[] = [disperse, hazard];
