/** A command the dossier's state or the law does not allow. `code` is stable; `message` is for people. */
export class DossierError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DossierError';
  }
}
