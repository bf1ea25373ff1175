import { useEffect, useState } from 'react';

/** Seconds since `from`, ticking each second while `running` (an answer being written, or waiting). */
export function useElapsed(from: number, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return Math.max(0, Math.floor((now - from) / 1000));
}
