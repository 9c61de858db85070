import { Component, type ReactNode } from 'react';
import { commonText } from './i18n/vi/shared-strings';

/** Shown while an area's chunk downloads; plain HTML so it costs nothing on the portal. */
export function PageLoading() {
  return (
    <div className="page-loading" role="status">
      {commonText.loading}
    </div>
  );
}

interface BoundaryState {
  failed: boolean;
}

/**
 * A chunk that fails to download (a dropped connection, or a new release replaced the files) would
 * otherwise leave a blank page; this says so and offers a reload.
 */
export class AreaLoadBoundary extends Component<{ children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { failed: false };

  static getDerivedStateFromError(): BoundaryState {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="area-load-failed">
        <p role="alert">{commonText.areaLoadFailed}</p>
        <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
          {commonText.reload}
        </button>
      </main>
    );
  }
}
