import { create } from 'zustand';

/** Two library images to compare with the slider, with optional names ("Version 1"); unnamed ones read "Image 12" when shown. */
export interface ComparePair {
  a: number;
  b: number;
  labelA?: string;
  labelB?: string;
}

interface CompareState {
  pair: ComparePair | null;
  open(a: number, b: number, labels?: { a?: string; b?: string }): void;
  close(): void;
}

export const useCompareStore = create<CompareState>()((set) => ({
  pair: null,
  open: (a, b, labels = {}) => set({ pair: { a, b, labelA: labels.a, labelB: labels.b } }),
  close: () => set({ pair: null }),
}));

/** Opens the slider comparison of two library images from anywhere (mounted by <CompareHost />). */
export const openCompare = (aId: number, bId: number, labels?: { a?: string; b?: string }) =>
  useCompareStore.getState().open(aId, bId, labels);
