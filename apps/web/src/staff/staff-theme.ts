import type { ThemeConfig } from 'antd';

/**
 * A calm government blue with the national red as accent only. Ant Design's default error red and
 * tertiary greys fall short of WCAG AA on white; these tokens lift them (ratios in comments).
 */
export const staffTheme: ThemeConfig = {
  token: {
    colorPrimary: '#0b3c7d', // 11.1:1 with white
    colorLink: '#0b3c7d',
    colorError: '#b42318', // 6.6:1
    colorSuccess: '#1e6b2f',
    colorWarning: '#8a5300', // 5.9:1
    colorInfo: '#0b3c7d',
    // Light backgrounds set by hand: derived from these dark seeds they come out greyish and the
    // coloured text on them drops below 4.5:1.
    colorPrimaryBg: '#e8eef7',
    colorPrimaryBgHover: '#d3dff0',
    colorInfoBg: '#e8eef7',
    colorInfoBorder: '#a9bfe0',
    colorSuccessBg: '#e7f4ea',
    colorSuccessBorder: '#9fcca9',
    colorWarningBg: '#fff4e0',
    colorWarningBorder: '#e8c07a',
    colorErrorBg: '#fdecea',
    colorErrorBorder: '#f1a9a0',
    colorTextSecondary: 'rgba(0, 0, 0, 0.72)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.64)', // 5.9:1
    colorTextDescription: 'rgba(0, 0, 0, 0.64)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)', // 4.6:1
    borderRadius: 6,
    fontFamily: "'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { headerBg: '#0b3c7d', headerColor: '#ffffff', headerPadding: '0 16px', bodyBg: '#f4f6f9' },
    Menu: { itemColor: 'rgba(0, 0, 0, 0.88)' },
  },
};
