/**
 * The main menu's icons (part of the one icon set, drawn like the rest with lineIcon): shown beside
 * the words in the wide layout and alone in the icon rail below 1100 px.
 */
import { lineIcon, type IconSize } from './line-icon';

const nav = lineIcon(20, 1.8);

/** A speech bubble with lines of text. */
export const ChatNavIcon = () => (
  <svg {...nav}>
    <path d="M4 5h16v11H9l-5 4z" />
    <path d="M8 9.5h8M8 12.5h5" />
  </svg>
);

/** A stack of pictures. */
export const LibraryNavIcon = () => (
  <svg {...nav}>
    <rect x="7" y="3" width="14" height="14" rx="2" />
    <path d="M3 7v12a2 2 0 0 0 2 2h12" />
    <circle cx="12" cy="8" r="1.5" />
    <path d="m21 13-4-4-7 8" />
  </svg>
);

/** A house: where Holst starts. */
export const StartNavIcon = () => (
  <svg {...nav}>
    <path d="M4 11 12 4l8 7" />
    <path d="M6 9.5V20h12V9.5" />
    <path d="M10 20v-5h4v5" />
  </svg>
);

/** Three sliders (also, smaller, on the composer's picture settings button). */
export const SettingsNavIcon = ({ size = 20, strokeWidth = 1.8 }: IconSize) => (
  <svg {...lineIcon(size, strokeWidth)}>
    <path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1" />
    <circle cx="15" cy="6" r="2" />
    <circle cx="9" cy="12" r="2" />
    <circle cx="17" cy="18" r="2" />
  </svg>
);

/** The conversations list, folded behind a button in the narrow chat: lines of a list. */
export const ListIcon = () => (
  <svg {...lineIcon(18, 2)}>
    <path d="M8 6h12M8 12h12M8 18h12" />
    <path d="M4 6h.01M4 12h.01M4 18h.01" />
  </svg>
);
