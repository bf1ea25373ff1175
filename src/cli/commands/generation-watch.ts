import { HolstError } from '../../shared/errors';
import { describeRetry, type GenerationEvent } from '../../shared/generation';
import type { Message } from '../../shared/library';
import type { AppCore } from '../../main/core/app-core';
import type { CliContext } from '../context';

/** One line of progress on stderr, each overwriting the one before (nothing with --json). */
function progressLine(ctx: CliContext): (line: string) => void {
  return (line) => {
    if (!ctx.out.json) process.stderr.write(`\r\x1b[K${line}`);
  };
}

/** One provider's part of a `holst generate`: its name in the progress line and what it did last. */
export interface Lane {
  label: string;
  /** Its name in sentences (the settings' name, once the provider is found). */
  providerName: string;
  line: string;
  saved: number;
}

/**
 * The answers one `holst generate` waits for, from one provider or several side by side: their
 * progress as one line on stderr (each provider's latest step), and Ctrl+C stops them all.
 */
export class GenerationWatch {
  private readonly lanes: Lane[] = [];
  /** Which lane each running generation belongs to. */
  private readonly running = new Map<string, Lane>();
  private readonly progress: (line: string) => void;
  private readonly unsubscribe: () => void;
  private readonly onSigint = () => this.cancelAll();
  /** Ctrl+C was pressed: no further request starts. */
  cancelled = false;

  constructor(
    private readonly core: AppCore,
    ctx: CliContext,
  ) {
    this.progress = progressLine(ctx);
    this.unsubscribe = core.events.subscribe((name, payload) => {
      if (name !== 'generation.event') return;
      const event = payload as GenerationEvent;
      const lane = this.running.get(event.generationId);
      if (!lane) return;
      if (event.type === 'image') this.say(lane, `Saved ${++lane.saved} image${lane.saved === 1 ? '' : 's'}…`);
      else if (event.type === 'progress') this.say(lane, event.message);
      else if (event.type === 'retry') this.say(lane, describeRetry(event.notice, lane.providerName));
    });
    process.once('SIGINT', this.onSigint);
  }

  /** A provider's part, in the order the lines are shown. */
  lane(providerId: string): Lane {
    const lane: Lane = { label: providerId, providerName: providerId, line: '', saved: 0 };
    this.lanes.push(lane);
    this.say(lane, '');
    return lane;
  }

  /** Follows a provider's whole part to its end, which its line then says. */
  async follow<T>(lane: Lane, work: Promise<T>): Promise<T> {
    try {
      const done = await work;
      this.say(lane, 'done');
      return done;
    } catch (error) {
      this.say(lane, 'failed');
      throw error;
    }
  }

  /**
   * Waits for generation `generationId` (just started by chat.send or chat.retry) to end, and
   * answers its message; an answer that failed, was stopped or could not be finished is thrown.
   */
  async settle(lane: Lane, generationId: string): Promise<Message> {
    this.running.set(generationId, lane);
    if (this.cancelled) this.core.chat.cancel(generationId);
    try {
      const outcome = await this.core.chat.settled(generationId);
      if (!outcome) throw new HolstError('internal', 'The answer could not be finished. The log has details.');
      if (outcome.status === 'cancelled') throw new HolstError('cancelled', 'Generation cancelled.');
      if (outcome.error)
        throw new HolstError(outcome.error.code, outcome.error.message, outcome.error.field ? { field: outcome.error.field } : {});
      return outcome.message;
    } finally {
      this.running.delete(generationId);
    }
  }

  /** Clears the progress line and lets Ctrl+C go back to ending the process. */
  close(): void {
    this.unsubscribe();
    process.off('SIGINT', this.onSigint);
    this.progress('');
  }

  private cancelAll(): void {
    this.cancelled = true;
    for (const generationId of this.running.keys()) this.core.chat.cancel(generationId);
  }

  /** One line for all: a single provider's step as it is, several as "id: step · id: step" ('' is asking). */
  private say(lane: Lane, line: string): void {
    lane.line = line;
    const all =
      this.lanes.length === 1 ? line || `Asking ${lane.label}…` : this.lanes.map((l) => `${l.label}: ${l.line || 'asking…'}`).join(' · ');
    // Kept to one line of the terminal, so the next one overwrites all of it.
    const width = process.stderr.columns;
    this.progress(width && all.length >= width ? `${all.slice(0, width - 2)}…` : all);
  }
}
