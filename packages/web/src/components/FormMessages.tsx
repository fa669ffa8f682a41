/**
 * The two messages a form shows above its buttons: what is wrong before
 * sending (a `FormProblem`, in the reader's language) and what the server
 * answered when it refused (its reason, as errorText made it). Both are
 * alerts, so a screen reader says them when they appear; nothing renders
 * while there is nothing to say.
 */
import type { ReactNode } from 'react';
import type { FormProblem } from '../format/form-problem.js';
import { useI18n } from '../i18n/i18n-context.js';

export function FieldProblem(p: { readonly problem: FormProblem | null }): ReactNode {
  const { t } = useI18n();
  if (p.problem === null) return null;
  return (
    <p className="field-error" role="alert">
      {t(p.problem.key, p.problem.values)}
    </p>
  );
}

export function ServerMessage(p: { readonly text: string | null; readonly testId: string }): ReactNode {
  if (p.text === null) return null;
  return (
    <p className="error server-message" role="alert" data-testid={p.testId}>
      {p.text}
    </p>
  );
}
