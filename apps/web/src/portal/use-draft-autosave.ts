/**
 * Drafts save themselves: every change goes at once to this device's storage, and shortly after to the
 * server (one draft per citizen × procedure × agency, so it can be resumed on another device). A lost
 * connection keeps everything typed and saves again when the network is back; a copy saved meanwhile on
 * another device is never overwritten silently (the server answers 409 and the citizen chooses).
 */
import type { Draft, SubmissionDraftContent } from '@motcua/contracts/portal';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, isApiRequestError, messageOf } from '../api/client';

export interface LocalDraft {
  agencyId: string | null;
  /** The server version this copy was last saved over (0: none under that agency yet). */
  serverVersion: number;
  content: SubmissionDraftContent;
}

export const localDraftKey = (userId: string, procedureId: string) => `motcua.draft.${userId}.${procedureId}`;

export function readLocalDraft(key: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as LocalDraft;
    if (typeof parsed !== 'object' || parsed === null || typeof parsed.content?.idempotencyKey !== 'string')
      return null;
    return parsed;
  } catch {
    return null;
  }
}

function writeLocalDraft(key: string, copy: LocalDraft): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(copy));
    return true;
  } catch {
    // Private browsing or a full storage: the server copy still saves.
    return false;
  }
}

export function removeLocalDraft(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing stored, nothing to remove
  }
}

export type SaveState =
  | { kind: 'local' }
  | { kind: 'waiting-agency' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'offline' }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; current: Draft | null };

const draftPath = (procedureId: string, agencyId: string) =>
  `/api/portal/drafts/${encodeURIComponent(procedureId)}/${encodeURIComponent(agencyId)}`;

const SAVE_DELAY_MS = 800;
const RETRY_DELAYS_MS = [3_000, 6_000, 12_000, 30_000];

export function useDraftAutosave(options: {
  localKey: string;
  procedureId: string;
  agencyId: string | null;
  content: SubmissionDraftContent;
  /** Where the server copy stands when the wizard opens. */
  initial: { agencyId: string | null; version: number; savedJson: string | null; updatedAt: string | null };
  /** False once the dossier is submitted: nothing is saved any more. */
  enabled: boolean;
}) {
  const { localKey, procedureId, agencyId, content, enabled } = options;
  const server = useRef({ agencyId: options.initial.agencyId, version: options.initial.version });
  const savedJson = useRef<string | null>(options.initial.savedJson);
  const latest = useRef({ agencyId, content, enabled });
  latest.current = { agencyId, content, enabled };
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef(false);
  /** The save on its way, so forgetting the draft can wait for it instead of racing it. */
  const saving = useRef<Promise<void>>(Promise.resolve());
  const failures = useRef(0);
  const paused = useRef(false);
  const [state, setState] = useState<SaveState>(
    options.initial.updatedAt ? { kind: 'saved', at: options.initial.updatedAt } : { kind: 'local' },
  );

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    const { agencyId: agency, content: current, enabled: on } = latest.current;
    if (!on || paused.current || inFlight.current) return;
    if (agency === null) {
      setState({ kind: 'waiting-agency' });
      return;
    }
    const json = JSON.stringify(current);
    if (json === savedJson.current && server.current.agencyId === agency) return;
    inFlight.current = true;
    let finished = () => {};
    saving.current = new Promise<void>((resolve) => {
      finished = resolve;
    });
    setState({ kind: 'saving' });
    let succeeded = false;
    try {
      // The citizen chose another agency: the draft moves to that key.
      if (server.current.agencyId !== agency) {
        if (server.current.agencyId !== null && server.current.version > 0)
          await api.delete(draftPath(procedureId, server.current.agencyId)).catch(() => undefined);
        server.current = { agencyId: agency, version: 0 };
      }
      const saved = await api.put<Draft>(draftPath(procedureId, agency), {
        version: server.current.version,
        content: current,
      });
      server.current = { agencyId: agency, version: saved.version };
      savedJson.current = json;
      failures.current = 0;
      writeLocalDraft(localKey, { agencyId: agency, serverVersion: saved.version, content: current });
      setState({ kind: 'saved', at: saved.updatedAt });
      succeeded = true;
    } catch (error) {
      if (isApiRequestError(error) && error.status === 409 && error.code === 'DRAFT_VERSION_CONFLICT') {
        paused.current = true;
        const current = (error.details as { current?: Draft | null } | undefined)?.current ?? null;
        setState({ kind: 'conflict', current });
      } else if (!isApiRequestError(error) || error.status === 0 || error.status >= 500) {
        setState({ kind: 'offline' });
        const delay = RETRY_DELAYS_MS[Math.min(failures.current, RETRY_DELAYS_MS.length - 1)]!;
        failures.current++;
        timer.current = setTimeout(() => void flush(), delay);
      } else {
        setState({ kind: 'error', message: messageOf(error) });
      }
    } finally {
      inFlight.current = false;
      finished();
    }
    // Typed while the save was on its way: save again (a failure has its own retry, or waits for the next change).
    if (
      succeeded &&
      !paused.current &&
      latest.current.enabled &&
      JSON.stringify(latest.current.content) !== savedJson.current
    )
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [localKey, procedureId]);

  // Every change: this device at once, the server a moment later.
  useEffect(() => {
    if (!enabled) return;
    writeLocalDraft(localKey, { agencyId, serverVersion: server.current.version, content });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [content, agencyId, enabled, localKey, flush]);

  useEffect(() => {
    const online = () => {
      failures.current = 0;
      void flush();
    };
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      clearTimeout(timer.current);
    };
  }, [flush]);

  /** The conflict is settled by taking the other device's copy: the caller shows it. */
  const takeServerCopy = useCallback((current: Draft) => {
    paused.current = false;
    server.current = { agencyId: current.agencyId, version: current.version };
    savedJson.current = JSON.stringify(current.content);
    setState({ kind: 'saved', at: current.updatedAt });
  }, []);

  /** … or by saving this copy over it. */
  const keepMine = useCallback(
    (current: Draft | null) => {
      paused.current = false;
      server.current = { agencyId: latest.current.agencyId, version: current?.version ?? 0 };
      savedJson.current = null;
      void flush();
    },
    [flush],
  );

  /** Forgets the draft everywhere: after submission, or when the citizen starts over. */
  const discard = useCallback(async () => {
    clearTimeout(timer.current);
    paused.current = true;
    await saving.current;
    clearTimeout(timer.current);
    paused.current = false;
    removeLocalDraft(localKey);
    const agency = server.current.agencyId;
    server.current = { agencyId: null, version: 0 };
    savedJson.current = null;
    if (agency !== null) await api.delete(draftPath(procedureId, agency)).catch(() => undefined);
  }, [localKey, procedureId]);

  return { state, takeServerCopy, keepMine, discard };
}
