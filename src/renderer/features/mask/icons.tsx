/** The painter's tool icons (inline SVG, no style attributes: fine under the page's CSP). */

import { lineIcon } from '../../app/icon';

const common = lineIcon(18, 1.9);

/** 18 px in the painter's toolbar; the viewer's toolbar draws it at 16. */
export const BrushIcon = ({ size }: { size?: number }) => (
  <svg {...(size ? lineIcon(size, 1.9) : common)}>
    <path d="M19.5 3.5 10 13" />
    <path d="M9.5 13.5c-2 0-3.5 1.5-3.5 3.5 0 1.6-1 2.6-2.5 3 3.6.8 8-.3 8-4.5z" />
  </svg>
);

export const EraserIcon = () => (
  <svg {...common}>
    <path d="m15 4 5 5-9.5 9.5H6L3.5 16a1.5 1.5 0 0 1 0-2.1z" />
    <path d="M9.5 9.5l5 5M11 18.5h9" />
  </svg>
);

export const UndoIcon = () => (
  <svg {...common}>
    <path d="M9 14 4 9l5-5" />
    <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
  </svg>
);

export const RedoIcon = () => (
  <svg {...common}>
    <path d="m15 14 5-5-5-5" />
    <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
  </svg>
);

export const InvertIcon = () => (
  <svg {...common}>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M12 3.5v17a8.5 8.5 0 0 0 0-17z" fill="currentColor" />
  </svg>
);

export const ClearIcon = () => (
  <svg {...common}>
    <path d="M4 7h16M9.5 7V4.5h5V7M6.5 7l1 13h9l1-13" />
  </svg>
);

export const ZoomInIcon = () => (
  <svg {...common}>
    <path d="M12 5v14M5 12h14" />
  </svg>
);

export const ZoomOutIcon = () => (
  <svg {...common}>
    <path d="M5 12h14" />
  </svg>
);

export const FitIcon = () => (
  <svg {...common}>
    <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />
  </svg>
);
