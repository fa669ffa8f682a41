/**
 * What is wrong with a form before it is sent: the field (for
 * `aria-invalid`) and a message key with its values. The request readers
 * (leads/lead-request.ts, video/annotation-request.ts) return one; the
 * forms show it with `FieldProblem` (components/FormMessages.tsx).
 */
import type { MessageKey } from '../i18n/catalogue/keys.js';

export interface FormProblem<F extends string = string> {
  readonly field: F;
  readonly key: MessageKey;
  readonly values?: Readonly<Record<string, string | number>>;
}
