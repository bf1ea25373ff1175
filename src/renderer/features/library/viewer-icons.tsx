/**
 * The viewer toolbar's own icons, 16 px line drawings (SVG attributes only: fine under the page's
 * CSP). Those the app already draws elsewhere (reference, brush, compare, copy, trash) come from there.
 */

import { lineIcon } from '../../app/icon';

const common = lineIcon(16, 1.9);

export const DownloadIcon = () => (
  <svg {...common}>
    <path d="M12 4v11M7 10.5l5 5 5-5" />
    <path d="M4.5 19.5h15" />
  </svg>
);

/** Save a copy…: a tray taking something in. */
export const SaveIcon = () => (
  <svg {...common}>
    <path d="M12 3.5v10M8 9.5l4 4 4-4" />
    <path d="M4 14v4a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-4" />
  </svg>
);

export const FolderIcon = () => (
  <svg {...common}>
    <path d="M3.5 7a2 2 0 0 1 2-2h4l2 2.5h7a2 2 0 0 1 2 2V17a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2z" />
  </svg>
);

/** More actions: three dots. */
export const MoreIcon = () => (
  <svg {...common} fill="currentColor" stroke="none">
    <circle cx="5.5" cy="12" r="1.8" />
    <circle cx="12" cy="12" r="1.8" />
    <circle cx="18.5" cy="12" r="1.8" />
  </svg>
);
