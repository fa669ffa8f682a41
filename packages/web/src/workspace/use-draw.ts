/**
 * The search area being drawn (geo/polygon-draw.ts), with the keyboard:
 * while drawing, Esc cancels, Enter finishes the polygon and Backspace
 * removes its last vertex (not while typing in a text field).
 */
import { useEffect, useReducer } from 'react';
import { DRAW_IDLE, drawReducer, type DrawInput, type DrawState } from '../geo/polygon-draw.js';

const NOT_TEXT: ReadonlySet<string> = new Set(['button', 'checkbox', 'radio', 'range', 'file', 'submit', 'reset']);

/** Whether a key press goes into a field the person is typing in. */
function typing(t: EventTarget | null): boolean {
  if (t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  if (t instanceof HTMLInputElement) return !NOT_TEXT.has(t.type);
  return t instanceof HTMLElement && t.isContentEditable;
}

export function useDraw(): [DrawState, (e: DrawInput) => void] {
  const [state, dispatch] = useReducer(drawReducer, DRAW_IDLE);
  const drawing = state.mode !== null;
  useEffect(() => {
    if (!drawing) return undefined;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') {
        e.preventDefault();
        dispatch({ type: 'cancel' });
      } else if (e.key === 'Enter' && !typing(e.target)) {
        // Also keeps the focused button from being pressed again.
        e.preventDefault();
        dispatch({ type: 'finish' });
      } else if (e.key === 'Backspace' && !typing(e.target)) {
        e.preventDefault();
        dispatch({ type: 'undo' });
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [drawing]);
  return [state, dispatch];
}
