/**
 * What every line icon shares: a 24-unit box drawn with the current text colour, hidden from
 * assistive technology (the control it sits in carries the name). SVG attributes only, no style
 * attributes, so the page's CSP allows them.
 */
export const lineIcon = (size = 16, strokeWidth = 2) =>
  ({
    width: size,
    height: size,
    viewBox: '0 0 24 24',
    'aria-hidden': true,
    focusable: false,
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth,
    strokeLinecap: 'round',
    strokeLinejoin: 'round',
  }) as const;

/** What an icon drawn at several sizes takes. */
export interface IconSize {
  size?: number;
  strokeWidth?: number;
}
