/** The generation queue's icons (part of the one icon set, drawn like the rest with lineIcon). */
import { lineIcon } from './line-icon';

/** Jobs in a column, the first one under way: the main menu's Queue. */
export const QueueNavIcon = () => (
  <svg {...lineIcon(20, 1.8)}>
    <rect x="4" y="4" width="16" height="5" rx="1.5" />
    <path d="M4 14h16M4 19h10" />
    <path d="M7 6.5h5" />
  </svg>
);

export const PauseIcon = ({ size = 14 }: { size?: number }) => (
  <svg {...lineIcon(size, 2.2)}>
    <path d="M9 5v14M15 5v14" />
  </svg>
);

export const PlayIcon = ({ size = 14 }: { size?: number }) => (
  <svg {...lineIcon(size, 2)}>
    <path d="M7 5v14l12-7z" />
  </svg>
);

export const ArrowIcon = ({ direction }: { direction: 'up' | 'down' }) => (
  <svg {...lineIcon(14, 2.2)}>
    <path d={direction === 'up' ? 'M12 19V5M6 11l6-6 6 6' : 'M12 5v14M6 13l6 6 6-6'} />
  </svg>
);
