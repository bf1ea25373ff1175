/**
 * Wraps `task` so that calls while it runs do not start it alongside: it runs once more after,
 * however many came (changes arrive in bursts, e.g. an import or a bulk action). Errors go to `onError`.
 */
export function runOneAtATime(task: () => Promise<unknown>, onError: (error: unknown) => void): () => void {
  let running = false;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void (async () => {
      try {
        do {
          again = false;
          await task();
        } while (again);
      } catch (error) {
        onError(error);
      } finally {
        running = false;
      }
    })();
  };
}
