/** Icons for answers and comparing (SVG elements, no style attributes: fine under the page's CSP). */

import { lineIcon } from '../../../app/icon';

const common = lineIcon();

export const CopyIcon = () => (
  <svg {...common}>
    <rect x="9" y="9" width="11" height="11" rx="2" />
    <path d="M5 15V6a2 2 0 0 1 2-2h9" />
  </svg>
);

export const CheckIcon = () => (
  <svg {...common}>
    <path d="m5 12 5 5 9-10" />
  </svg>
);

/** Use as reference: a picture pinned to the next prompt. */
export const ReferenceIcon = () => (
  <svg {...common}>
    <rect x="3" y="6" width="13" height="13" rx="2" />
    <path d="M8 3h11a2 2 0 0 1 2 2v11" />
    <path d="m3 16 4-4 4 4" />
  </svg>
);

export const CompareIcon = () => (
  <svg {...common}>
    <rect x="3" y="4" width="7" height="16" rx="1.5" />
    <rect x="14" y="4" width="7" height="16" rx="1.5" />
  </svg>
);

/** Two pictures split by a movable line. */
export const SliderIcon = () => (
  <svg {...common}>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <path d="M12 2v20" />
    <path d="m8 10-2 2 2 2M16 10l2 2-2 2" />
  </svg>
);
