import { create } from 'zustand';

/** The position of the first image in the grid's view, for the date scrubber (kept apart so scrolling re-renders only it). */
export const useGridTop = create<{ index: number }>()(() => ({ index: 0 }));
