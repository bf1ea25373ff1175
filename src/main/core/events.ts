import type { EventName, EventPayload } from '../../shared/contract';

export type CoreEventListener = (name: EventName, payload: unknown) => void;

/** Events the core pushes to every connected renderer (Electron window or harness page). */
export class CoreEvents {
  private readonly listeners = new Set<CoreEventListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(name, payload);
  }

  /** Whether anyone listens (the CLI's core has no window): an event costly to make can be skipped. */
  get heard(): boolean {
    return this.listeners.size > 0;
  }

  subscribe(listener: CoreEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
