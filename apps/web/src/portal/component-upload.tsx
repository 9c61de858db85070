import type { DraftFile } from '@motcua/contracts/portal';
import { type DragEvent, useEffect, useId, useRef, useState } from 'react';
import { messageOf } from '../api/client';
import { templateHref } from '../catalog/catalog-format';
import { wizardText as t } from '../i18n/vi/portal-dossier';
import { uploadFile } from './portal-requests';

/** The server's defaults (UPLOAD_MAX_MB, the contract's 20 files per component); the server checks again. */
export const MAX_UPLOAD_MB = 10;
export const MAX_FILES_PER_COMPONENT = 20;
const acceptedTypes = new Set(['application/pdf', 'image/jpeg', 'image/png']);
const acceptedExtensions = /\.(pdf|jpe?g|png)$/i;
const accept = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';

/** Why a file cannot be sent, before sending it; null when it may be. */
export function fileProblem(file: { name: string; type: string; size: number }): string | null {
  // Some phones give no type: the extension decides then (the server checks the content anyway).
  const typeOk = file.type === '' ? acceptedExtensions.test(file.name) : acceptedTypes.has(file.type);
  if (!typeOk) return t.fileTypeNotAllowed(file.name);
  if (file.size === 0) return t.fileEmpty(file.name);
  if (file.size > MAX_UPLOAD_MB * 1024 * 1024) return t.fileTooLarge(file.name, file.size, MAX_UPLOAD_MB);
  return null;
}

export interface UploadActivity {
  uploading: number;
  failed: number;
}

interface Pending {
  key: number;
  file: File;
  progress: number;
  error: string | null;
}

export interface ComponentSpec {
  name: string;
  required: boolean;
  originals: number;
  copies: number;
  formTemplate?: string | null;
}

/**
 * One component of the dossier: its files, uploaded as soon as chosen (several per component), from the
 * file picker, by drag-and-drop, or from the phone's camera. A failed upload stays listed with its file
 * so it can be sent again; what is refused before sending says why, next to the component.
 */
export function ComponentUpload({
  component,
  files,
  error,
  highlight,
  onAdded,
  onRemoved,
  onActivity,
}: {
  component: ComponentSpec;
  files: DraftFile[];
  error?: string | null | undefined;
  highlight?: string | undefined;
  onAdded: (file: DraftFile) => void;
  onRemoved: (fileId: string) => void;
  onActivity: (activity: UploadActivity) => void;
}) {
  const id = useId();
  const [pending, setPending] = useState<Pending[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const nextKey = useRef(0);
  const countRef = useRef(files.length);
  countRef.current = files.length;

  const uploading = pending.filter((p) => p.error === null).length;
  const failed = pending.length - uploading;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the parent's callback identity does not matter
  useEffect(() => onActivity({ uploading, failed }), [uploading, failed]);

  const send = (entry: Pending) => {
    const update = (change: Partial<Pending>) =>
      setPending((list) => list.map((p) => (p.key === entry.key ? { ...p, ...change } : p)));
    update({ error: null, progress: 0 });
    uploadFile(entry.file, (progress) => update({ progress })).then(
      (stored) => {
        setPending((list) => list.filter((p) => p.key !== entry.key));
        onAdded({ id: stored.id, name: stored.name, mediaType: stored.mediaType, size: stored.size });
      },
      (failure: unknown) => update({ error: messageOf(failure) }),
    );
  };

  const choose = (chosen: FileList | null) => {
    if (!chosen || chosen.length === 0) return;
    const found: string[] = [];
    const accepted: Pending[] = [];
    let room = MAX_FILES_PER_COMPONENT - countRef.current - pending.length;
    for (const file of Array.from(chosen)) {
      const problem = fileProblem(file);
      if (problem) found.push(problem);
      else if (room <= 0) {
        if (!found.includes(t.tooManyFiles(MAX_FILES_PER_COMPONENT)))
          found.push(t.tooManyFiles(MAX_FILES_PER_COMPONENT));
      } else {
        room--;
        accepted.push({ key: nextKey.current++, file, progress: 0, error: null });
      }
    }
    setProblems(found);
    if (accepted.length === 0) return;
    setPending((list) => [...list, ...accepted]);
    for (const entry of accepted) send(entry);
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files);
  };

  const href = component.formTemplate ? templateHref(component.formTemplate) : null;
  const quantity = t.quantity(component.originals, component.copies);
  const messages = [error, ...problems].filter((m): m is string => Boolean(m));
  const errorId = `${id}-error`;
  const rulesId = `${id}-rules`;

  return (
    <fieldset
      className={`component-upload${messages.length > 0 ? ' component-upload-invalid' : ''}${highlight ? ' component-upload-highlight' : ''}`}
      aria-describedby={messages.length > 0 ? `${errorId} ${rulesId}` : rulesId}
      data-component={component.name}
      data-invalid={messages.length > 0 ? 'true' : undefined}
    >
      <legend className="component-upload-name">{component.name}</legend>
      <p className="component-meta">
        <span className={component.required ? 'badge badge-required' : 'badge'}>
          {component.required ? t.required : t.optional}
        </span>
        {quantity && <span>{quantity}</span>}
      </p>
      {highlight && <p className="component-highlight">{highlight}</p>}
      {component.formTemplate &&
        (href ? (
          <p>
            <a href={href} download>
              {t.downloadTemplate}
            </a>
          </p>
        ) : (
          <p className="fact-note">{t.templateName(component.formTemplate)}</p>
        ))}
      {messages.length > 0 && (
        <div id={errorId} className="field-error" role="alert">
          {messages.map((m) => (
            <p key={m}>{m}</p>
          ))}
        </div>
      )}
      {(files.length > 0 || pending.length > 0) && (
        <ul className="upload-list" aria-live="polite">
          {files.map((file) => (
            <li key={file.id} className="upload-item">
              <span className="upload-name">
                <a href={`/api/files/${encodeURIComponent(file.id)}`} target="_blank" rel="noreferrer">
                  {file.name}
                </a>
                <span className="fact-note">
                  {t.fileSize(file.size)} · {t.uploaded}
                </span>
              </span>
              <button
                type="button"
                className="link-button"
                aria-label={t.removeFileNamed(file.name)}
                onClick={() => onRemoved(file.id)}
              >
                {t.removeFile}
              </button>
            </li>
          ))}
          {pending.map((entry) => (
            <li key={entry.key} className={entry.error ? 'upload-item upload-item-failed' : 'upload-item'}>
              <span className="upload-name">
                {entry.file.name}
                {entry.error ? (
                  <span className="field-error">
                    {t.uploadFailed}: {entry.error}
                  </span>
                ) : (
                  <span className="fact-note">
                    <progress max={1} value={entry.progress} aria-label={entry.file.name} />{' '}
                    {t.uploading(Math.round(entry.progress * 100))}
                  </span>
                )}
              </span>
              {entry.error && (
                <span className="upload-actions">
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t.retryUploadNamed(entry.file.name)}
                    onClick={() => send(entry)}
                  >
                    {t.retryUpload}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t.removeFileNamed(entry.file.name)}
                    onClick={() => setPending((list) => list.filter((p) => p.key !== entry.key))}
                  >
                    {t.removeFile}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is a shortcut; the buttons inside do the same by keyboard */}
      <div
        className={dragging ? 'dropzone dropzone-active' : 'dropzone'}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <span className="dropzone-text">{t.dropHere}</span>
        <label className="button file-button">
          {t.chooseFiles}
          <input
            type="file"
            multiple
            accept={accept}
            className="visually-hidden"
            aria-label={t.chooseFilesFor(component.name)}
            onChange={(event) => {
              choose(event.currentTarget.files);
              event.currentTarget.value = '';
            }}
          />
        </label>
        <label className="button file-button">
          {t.takePhoto}
          <input
            type="file"
            accept="image/jpeg,image/png"
            capture="environment"
            className="visually-hidden"
            aria-label={t.takePhotoFor(component.name)}
            onChange={(event) => {
              choose(event.currentTarget.files);
              event.currentTarget.value = '';
            }}
          />
        </label>
      </div>
      <p id={rulesId} className="field-hint">
        {t.fileRules(MAX_UPLOAD_MB, MAX_FILES_PER_COMPONENT)}
      </p>
    </fieldset>
  );
}
