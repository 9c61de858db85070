import { App, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import type { ReactNode } from 'react';
import { staffTheme } from './staff-theme';

dayjs.extend(customParseFormat);
dayjs.locale('vi');

/**
 * Ant Design with the Vietnamese locale, for the staff areas only: the portal does without it so that
 * citizens on phones never download it.
 */
// People who ask their system for reduced motion get dialogs and drawers without animation (WCAG 2.3.3).
const prefersReducedMotion =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
const theme = prefersReducedMotion
  ? { ...staffTheme, token: { ...staffTheme.token, motion: false } }
  : staffTheme;

export function AntdShell({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={viVN} theme={theme}>
      <App>{children}</App>
    </ConfigProvider>
  );
}
