import type { Notice } from '../../shared/contract';
import type { CoreEvents } from './events';

/** Things the user must be told (settings restored, keychain missing), kept until dismissed. */
export class Notices {
  private readonly items = new Map<string, Notice>();

  constructor(private readonly events: CoreEvents) {}

  add(notice: Notice): void {
    this.items.set(notice.id, notice);
    this.events.emit('app.notice', notice);
  }

  list(): Notice[] {
    return [...this.items.values()];
  }

  dismiss(id: string): void {
    this.items.delete(id);
  }
}
