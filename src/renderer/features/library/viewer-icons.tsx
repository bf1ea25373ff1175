/** The viewer toolbar's icons, 16 px line drawings (SVG attributes only: fine under the page's CSP). */

import { lineIcon } from '../../app/icon';

const common = lineIcon(16, 1.9);

/** Use as reference: a picture pinned to the next prompt. */
export const ReferenceIcon = () => (
  <svg {...common}>
    <rect x="3" y="6" width="13" height="13" rx="2" />
    <path d="M8 3h11a2 2 0 0 1 2 2v11" />
    <path d="m3 16 4-4 4 4" />
  </svg>
);

/** Paint mask: a brush. */
export const BrushIcon = () => (
  <svg {...common}>
    <path d="M19.5 3.5 10 13" />
    <path d="M9.5 13.5c-2 0-3.5 1.5-3.5 3.5 0 1.6-1 2.6-2.5 3 3.6.8 8-.3 8-4.5z" />
  </svg>
);

/** Compare with…: two pictures split by a movable line. */
export const CompareIcon = () => (
  <svg {...common}>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <path d="M12 2v20" />
    <path d="m8 10-2 2 2 2M16 10l2 2-2 2" />
  </svg>
);

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

export const CopyIcon = () => (
  <svg {...common}>
    <rect x="9" y="9" width="11" height="11" rx="2" />
    <path d="M5 15V6a2 2 0 0 1 2-2h9" />
  </svg>
);

export const FolderIcon = () => (
  <svg {...common}>
    <path d="M3.5 7a2 2 0 0 1 2-2h4l2 2.5h7a2 2 0 0 1 2 2V17a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2z" />
  </svg>
);

export const TrashIcon = () => (
  <svg {...common}>
    <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
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
