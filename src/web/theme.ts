// Ant Design theme tokens: one calm brand colour, AA-contrast text, and the 适老化 large-text variant.
import type { ThemeConfig } from 'antd';

const brand = '#1d4e89';

/** Standard look; secondary text darkened from antd's default so it meets WCAG AA (4.5:1) on white. */
export function standardTheme(mobile: boolean): ThemeConfig {
  return {
    token: {
      colorPrimary: brand,
      colorLink: brand,
      colorTextSecondary: '#595959',
      colorTextTertiary: '#666666',
      colorTextDescription: '#595959',
      colorTextPlaceholder: '#767676',
      borderRadius: 6,
      fontSize: mobile ? 15 : 14,
      controlHeight: mobile ? 40 : 34,
      controlHeightLG: mobile ? 48 : 42,
    },
    components: {
      Menu: { itemHeight: mobile ? 48 : 42, itemSelectedBg: '#e3ecf7', itemSelectedColor: brand },
      Layout: { headerHeight: 64 },
    },
  };
}

/** 适老化: base text 18 px, near-black text, darker borders, larger controls and menu rows. */
export function largeTextTheme(mobile: boolean): ThemeConfig {
  return {
    token: {
      colorPrimary: '#123a6b',
      colorLink: '#123a6b',
      colorText: '#111111',
      colorTextHeading: '#000000',
      colorTextSecondary: '#333333',
      colorTextTertiary: '#3d3d3d',
      colorTextDescription: '#333333',
      colorTextPlaceholder: '#555555',
      colorBorder: '#6b6b6b',
      colorBorderSecondary: '#bdbdbd',
      borderRadius: 6,
      fontSize: 18,
      fontSizeSM: 16,
      fontSizeLG: 20,
      fontSizeHeading4: 22,
      fontSizeHeading3: 26,
      lineHeight: 1.6,
      controlHeight: mobile ? 48 : 44,
      controlHeightSM: 36,
      controlHeightLG: 54,
    },
    components: {
      Menu: { itemHeight: 54, fontSize: 18, itemSelectedBg: '#dbe6f4', itemSelectedColor: '#0b2a52' },
      Table: { cellPaddingBlock: 16 },
      Layout: { headerHeight: 72 },
      Tag: { fontSizeSM: 16 },
    },
  };
}
