import { useEffect } from 'react';
import { commonText } from './i18n/vi/shared-strings';

/** Each page names itself in the browser tab and for screen readers (WCAG 2.4.2). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} — ${commonText.pageTitleSuffix}`;
  }, [title]);
}
