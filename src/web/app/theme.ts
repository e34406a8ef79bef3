// Ant Design tokens. Every colour changed here is checked against WCAG AA (4.5:1 for text on
// white, 3:1 for icons): primary/link #0958d9 6.2:1 (hover #003eb3 9.0:1), error #cf1322 5.6:1, success #237804 5.6:1,
// warning #ad4e00 5.4:1, secondary text #616161 6.2:1, placeholder #757575 4.6:1.
import type { ThemeConfig } from 'antd';

export const FONT_FAMILY = [
  '-apple-system', 'BlinkMacSystemFont', '"PingFang SC"', '"Hiragino Sans GB"', '"Microsoft YaHei"',
  '"Noto Sans CJK SC"', '"Source Han Sans SC"', '"WenQuanYi Micro Hei"', '"Segoe UI"', '"Helvetica Neue"',
  'Arial', 'sans-serif',
].join(', ');

export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    // antd derives a lighter hover shade (white text on it falls below 4.5:1): hover and press go darker
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    colorError: '#cf1322',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorWarningBg: '#fffbe6',
    colorWarningBorder: '#ffe58f',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.54)',
    fontFamily: FONT_FAMILY,
    fontSize: 15,
    borderRadius: 6,
  },
  components: {
    Layout: { headerBg: '#ffffff', bodyBg: '#f5f7fa', footerBg: '#002766', headerHeight: 64, headerPadding: '0 16px' },
  },
};
