/**
 * A drop zone with a file picker: one file, by drag and drop or the
 * picker's button. The uploads (sortie CSV, drone video) differ in what
 * they accept and what they do with the file, not in this.
 */
import { useId, useState, type DragEvent, type ReactNode } from 'react';

export interface FileDropZoneProps {
  /** The `accept` of the file input (extensions and media types). */
  readonly accept: string;
  readonly disabled: boolean;
  readonly dropText: string;
  readonly chooseText: string;
  readonly inputLabel: string;
  /** `${testId}-dropzone` and `${testId}-input`. */
  readonly testId: string;
  readonly onFile: (file: File) => void;
}

export function FileDropZone(p: FileDropZoneProps): ReactNode {
  const [over, setOver] = useState(false);
  const inputId = useId();
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f !== undefined && !p.disabled) p.onFile(f);
  };
  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid={`${p.testId}-dropzone`}
    >
      <span>{p.dropText} </span>
      <label htmlFor={inputId} className="link-button">
        {p.chooseText}
      </label>
      <input
        id={inputId}
        type="file"
        accept={p.accept}
        className="visually-hidden"
        aria-label={p.inputLabel}
        disabled={p.disabled}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f !== undefined) p.onFile(f);
          e.target.value = '';
        }}
        data-testid={`${p.testId}-input`}
      />
    </div>
  );
}
