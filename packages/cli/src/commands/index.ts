import type { Command } from '../command.js';
import { audit } from './audit.js';
import { backup } from './backup.js';
import { demo } from './demo.js';
import { disperse } from './disperse.js';
import { hazard } from './hazard.js';
import { locate } from './locate.js';
import { restore } from './restore.js';
import { simulate } from './simulate.js';
import { simVideo } from './sim-video.js';
import { tlog } from './tlog.js';

/** Every command, in help order. Add new commands here. */
export const COMMANDS: readonly Command[] = [locate, simulate, hazard, disperse, demo, backup, restore, tlog, simVideo, audit];
