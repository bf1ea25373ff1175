import type { Notice } from '../../shared/contract';
import type { CoreEvents } from './events';

/** Things the user must be told (settings restored, keychain missing), kept until dismissed or no longer true. */
export class Notices {
  private readonly items = new Map<string, Notice>();

  constructor(private readonly events: CoreEvents) {}

  add(notice: Notice): void {
    this.items.set(notice.id, notice);
    this.events.emit('app.notice', notice);
  }

  has(id: string): boolean {
    return this.items.has(id);
  }

  list(): Notice[] {
    return [...this.items.values()];
  }

  /** The user closed it. */
  dismiss(id: string): void {
    this.items.delete(id);
  }

  /** It no longer holds: windows showing it drop it. */
  remove(id: string): void {
    if (this.items.delete(id)) this.events.emit('app.noticeRemoved', { id });
  }
}
