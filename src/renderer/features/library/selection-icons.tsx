/** Icons of the selection (tiles' check marks, the selection bar), in the style of icons.tsx. */
const common = { width: 16, height: 16, viewBox: '0 0 24 24', 'aria-hidden': true, focusable: false } as const;

export const CheckIcon = () => (
  <svg {...common} fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round">
    <path d="M5 12.5 10 17l9-10" />
  </svg>
);

/** A tag with a plus (add) or a minus (remove) at its foot, so the two read apart without their words. */
export const TagIcon = ({ mode }: { mode: 'add' | 'remove' }) => (
  <svg {...common} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
    <path d="M3 11V4a1 1 0 0 1 1-1h7l8 8-4 4" />
    <circle cx="7.5" cy="7.5" r="1.5" fill="currentColor" stroke="none" />
    <path d={mode === 'add' ? 'M14 19h8M18 15v8' : 'M14 19h8'} />
  </svg>
);

export const RestoreIcon = () => (
  <svg {...common} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
    <path d="M4 4v6h6" />
    <path d="M5 15a8 8 0 1 0 1.5-8.5L4 10" />
  </svg>
);

export const TrashIcon = () => (
  <svg {...common} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
    <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" />
  </svg>
);

export const ExportIcon = () => (
  <svg {...common} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
    <path d="M12 15V3M7 8l5-5 5 5M4 15v5h16v-5" />
  </svg>
);
