/**
 * Time windows as a predicate on Unix seconds (UTC). A window {days, start,
 * end} is open on each listed ISO weekday from start to end; when end <=
 * start it closes at `end` on the following day (an overnight window belongs
 * to the day it opens). No windows: always open.
 */
import type { TimeWindow } from './authority.js';

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes after midnight of "HH:MM", or undefined when malformed. */
export function minutesOfDay(s: string): number | undefined {
  const m = HHMM.exec(s);
  if (m === null) return undefined;
  return s === '24:00' ? 1440 : Number(m[1]) * 60 + Number(m[2]);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a Unix time. 1970-01-01 was a Thursday (4). */
export function isoWeekday(unixS: number): number {
  const day = Math.floor(unixS / 86400);
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

export type OpenAt = (unixS: number) => boolean;

export function compileTimeWindows(windows: readonly TimeWindow[] | undefined): OpenAt {
  if (windows === undefined || windows.length === 0) return () => true;
  const compiled = windows.map((w) => ({ days: new Set(w.days), start: minutesOfDay(w.startUtc) ?? 0, end: minutesOfDay(w.endUtc) ?? 1440 }));
  return (unixS: number): boolean => {
    const minute = (((unixS % 86400) + 86400) % 86400) / 60;
    const today = isoWeekday(unixS);
    const yesterday = today === 1 ? 7 : today - 1;
    for (const w of compiled) {
      if (w.end > w.start) {
        if (w.days.has(today) && minute >= w.start && minute < w.end) return true;
      } else {
        if (w.days.has(today) && minute >= w.start) return true;
        if (w.days.has(yesterday) && minute < w.end) return true;
      }
    }
    return false;
  };
}
