import type { Actor } from './audit-log';

/**
 * What a service needs to know about the caller: who they are (for the audit trail) and where they may
 * act. Implemented by the identity module from the session; modules depend only on this shape.
 */
export interface AccessContext {
  readonly actor: Actor;
  readonly userId: string | null;
  readonly kind: 'staff' | 'citizen' | 'anonymous';
  /** Every agency id where the caller may use `permission` (their role agencies' subtrees). */
  scope(permission: string): Promise<ReadonlySet<string>>;
  /**
   * Throws unless `agencyId` lies in the caller's scope for `permission`. `hidden: true` answers 404
   * (for reads: a record outside one's scope must not even be confirmed to exist), otherwise 403.
   */
  assertInScope(
    permission: string,
    agencyId: string,
    options?: { hidden?: boolean; what?: string },
  ): Promise<void>;
}

/** The clock, the database and the job queue every service call receives. */
export interface ServiceContext {
  readonly db: import('./database').Db;
  readonly now: () => Date;
  /** `ctx.jobs.enqueue(tx, name, data)` inside `inTransaction`: the job commits with the change. */
  readonly jobs: import('./job-queue').JobQueue;
}

/** Today's date in Asia/Ho_Chi_Minh (UTC+7, no daylight saving), as YYYY-MM-DD. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
