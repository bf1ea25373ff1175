/**
 * Holst's one icon set: 24-unit line drawings in the current text colour (lineIcon), SVG attributes
 * only, no style attributes (fine under the page's CSP). Each thing is drawn once; a control that
 * wants it larger, smaller or bolder passes `size` / `strokeWidth`.
 */
import { lineIcon, type IconSize } from './line-icon';

// ----- Drawn once, used across screens -----

export const TrashIcon = ({ size = 16, strokeWidth = 2 }: IconSize) => (
  <svg {...lineIcon(size, strokeWidth)}>
    <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
  </svg>
);

export const CopyIcon = ({ size = 16, strokeWidth = 2 }: IconSize) => (
  <svg {...lineIcon(size, strokeWidth)}>
    <rect x="9" y="9" width="11" height="11" rx="2" />
    <path d="M5 15V6a2 2 0 0 1 2-2h9" />
  </svg>
);

export const CheckIcon = ({ size = 16, strokeWidth = 2 }: IconSize) => (
  <svg {...lineIcon(size, strokeWidth)}>
    <path d="m5 12 5 5 9-10" />
  </svg>
);

export const PlusIcon = ({ size = 16, strokeWidth = 2 }: IconSize) => (
  <svg {...lineIcon(size, strokeWidth)}>
    <path d="M12 5v14M5 12h14" />
  </svg>
);

// ----- The chat -----

const chat = lineIcon();

export const PaperclipIcon = () => (
  <svg {...chat}>
    <path d="m20.5 11.5-8.1 8.1a5.2 5.2 0 0 1-7.4-7.4l8.5-8.5a3.5 3.5 0 0 1 4.9 4.9l-8.5 8.5a1.7 1.7 0 0 1-2.5-2.5l7.8-7.8" />
  </svg>
);

export const SendIcon = () => (
  <svg {...chat}>
    <path d="M12 19V5M5 12l7-7 7 7" />
  </svg>
);

export const StopIcon = () => (
  <svg {...chat} fill="currentColor" stroke="none">
    <rect x="6" y="6" width="12" height="12" rx="2" />
  </svg>
);

export const RetryIcon = () => (
  <svg {...chat}>
    <path d="M3 12a9 9 0 0 1 15.5-6.2L21 8" />
    <path d="M21 3v5h-5" />
    <path d="M21 12a9 9 0 0 1-15.5 6.2L3 16" />
    <path d="M3 21v-5h5" />
  </svg>
);

export const PencilIcon = () => (
  <svg {...chat}>
    <path d="M4 20h4L19 9l-4-4L4 16z" />
    <path d="m13.5 6.5 4 4" />
  </svg>
);

export const ChatIcon = () => (
  <svg {...chat} width={40} height={40} strokeWidth={1.5}>
    <path d="M4 5h16v11H9l-5 4z" />
    <path d="M8 9.5h8M8 12.5h5" />
  </svg>
);

/** A picture: large where a screen has none yet; small on the composer's picture-mode switch. */
export const ImageIcon = ({ size = 40, strokeWidth = 1.5 }: IconSize) => (
  <svg {...lineIcon(size, strokeWidth)}>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <circle cx="9" cy="10" r="2" />
    <path d="m21 16-5-5-9 9" />
  </svg>
);

// ----- Answers and comparing -----

const answer = lineIcon();

/** Use as reference: a picture pinned to the next prompt. */
export const ReferenceIcon = () => (
  <svg {...answer}>
    <rect x="3" y="6" width="13" height="13" rx="2" />
    <path d="M8 3h11a2 2 0 0 1 2 2v11" />
    <path d="m3 16 4-4 4 4" />
  </svg>
);

export const CompareIcon = () => (
  <svg {...answer}>
    <rect x="3" y="4" width="7" height="16" rx="1.5" />
    <rect x="14" y="4" width="7" height="16" rx="1.5" />
  </svg>
);

/** Two pictures split by a movable line. */
export const SliderIcon = () => (
  <svg {...answer}>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <path d="M12 2v20" />
    <path d="m8 10-2 2 2 2M16 10l2 2-2 2" />
  </svg>
);

// ----- The library -----

const library = { width: 16, height: 16, viewBox: '0 0 24 24', 'aria-hidden': true, focusable: false } as const;

export const SearchIcon = () => (
  <svg {...library} fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round">
    <circle cx="10.5" cy="10.5" r="6.5" />
    <path d="M15.5 15.5 21 21" />
  </svg>
);

export const StarIcon = ({ filled }: { filled: boolean }) => (
  <svg {...library} fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round">
    <path d="m12 3 2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3 6.4 20.2l1.1-6.2L3 9.6l6.2-.9z" />
  </svg>
);

export const CloseIcon = ({ size = 16, strokeWidth = 2.2 }: IconSize) => (
  <svg {...lineIcon(size, strokeWidth)}>
    <path d="M6 6l12 12M18 6 6 18" />
  </svg>
);

export const ChevronIcon = ({ direction }: { direction: 'left' | 'right' }) => (
  <svg {...library} width={22} height={22} fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round">
    <path d={direction === 'left' ? 'M15 5l-7 7 7 7' : 'M9 5l7 7-7 7'} />
  </svg>
);

export const MinusIcon = () => (
  <svg {...library} fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round">
    <path d="M5 12h14" />
  </svg>
);

// ----- The viewer -----

const viewer = lineIcon(16, 1.9);

export const DownloadIcon = () => (
  <svg {...viewer}>
    <path d="M12 4v11M7 10.5l5 5 5-5" />
    <path d="M4.5 19.5h15" />
  </svg>
);

/** Save a copy…: a tray taking something in. */
export const SaveIcon = () => (
  <svg {...viewer}>
    <path d="M12 3.5v10M8 9.5l4 4 4-4" />
    <path d="M4 14v4a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-4" />
  </svg>
);

export const FolderIcon = () => (
  <svg {...viewer}>
    <path d="M3.5 7a2 2 0 0 1 2-2h4l2 2.5h7a2 2 0 0 1 2 2V17a2 2 0 0 1-2 2h-13a2 2 0 0 1-2-2z" />
  </svg>
);

/** More actions: three dots. */
export const MoreIcon = () => (
  <svg {...viewer} fill="currentColor" stroke="none">
    <circle cx="5.5" cy="12" r="1.8" />
    <circle cx="12" cy="12" r="1.8" />
    <circle cx="18.5" cy="12" r="1.8" />
  </svg>
);

// ----- The filters bar -----

const filters = { width: 14, height: 14, viewBox: '0 0 24 24', 'aria-hidden': true, focusable: false } as const;

export const CalendarIcon = () => (
  <svg {...filters} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
    <rect x="3.5" y="5" width="17" height="15.5" rx="2.5" />
    <path d="M3.5 10h17M8 3v4M16 3v4" />
  </svg>
);

export const ChevronDownIcon = () => (
  <svg {...filters} width={12} height={12} fill="none" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round">
    <path d="m6 9 6 6 6-6" />
  </svg>
);

export const ImagesIcon = () => (
  <svg {...filters} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
    <rect x="3" y="4" width="18" height="16" rx="2.5" />
    <circle cx="9" cy="10" r="1.8" />
    <path d="m21 16-5-5-9 9" />
  </svg>
);

// ----- The selection -----

const selection = { width: 16, height: 16, viewBox: '0 0 24 24', 'aria-hidden': true, focusable: false } as const;

/** A tag with a plus (add) or a minus (remove) at its foot, so the two read apart without their words. */
export const TagIcon = ({ mode }: { mode: 'add' | 'remove' }) => (
  <svg {...selection} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
    <path d="M3 11V4a1 1 0 0 1 1-1h7l8 8-4 4" />
    <circle cx="7.5" cy="7.5" r="1.5" fill="currentColor" stroke="none" />
    <path d={mode === 'add' ? 'M14 19h8M18 15v8' : 'M14 19h8'} />
  </svg>
);

export const RestoreIcon = () => (
  <svg {...selection} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
    <path d="M4 4v6h6" />
    <path d="M5 15a8 8 0 1 0 1.5-8.5L4 10" />
  </svg>
);

export const ExportIcon = () => (
  <svg {...selection} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
    <path d="M12 15V3M7 8l5-5 5 5M4 15v5h16v-5" />
  </svg>
);

// ----- The mask painter -----

const painter = lineIcon(18, 1.9);

/** 18 px in the painter's toolbar; the viewer's toolbar draws it at 16. */
export const BrushIcon = ({ size }: { size?: number }) => (
  <svg {...(size ? lineIcon(size, 1.9) : painter)}>
    <path d="M19.5 3.5 10 13" />
    <path d="M9.5 13.5c-2 0-3.5 1.5-3.5 3.5 0 1.6-1 2.6-2.5 3 3.6.8 8-.3 8-4.5z" />
  </svg>
);

export const EraserIcon = () => (
  <svg {...painter}>
    <path d="m15 4 5 5-9.5 9.5H6L3.5 16a1.5 1.5 0 0 1 0-2.1z" />
    <path d="M9.5 9.5l5 5M11 18.5h9" />
  </svg>
);

export const UndoIcon = () => (
  <svg {...painter}>
    <path d="M9 14 4 9l5-5" />
    <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
  </svg>
);

export const RedoIcon = () => (
  <svg {...painter}>
    <path d="m15 14 5-5-5-5" />
    <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
  </svg>
);

export const InvertIcon = () => (
  <svg {...painter}>
    <circle cx="12" cy="12" r="8.5" />
    <path d="M12 3.5v17a8.5 8.5 0 0 0 0-17z" fill="currentColor" />
  </svg>
);

export const ZoomInIcon = () => (
  <svg {...painter}>
    <path d="M12 5v14M5 12h14" />
  </svg>
);

export const ZoomOutIcon = () => (
  <svg {...painter}>
    <path d="M5 12h14" />
  </svg>
);

export const FitIcon = () => (
  <svg {...painter}>
    <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />
  </svg>
);
