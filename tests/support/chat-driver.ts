// Drives the chat over the contract as a window does (chat.send / chat.retry through core.dispatch)
// and collects the pushed generation.events, so tests can wait for an answer's `finished` event.
import fs from 'node:fs/promises';
import type { AppCore } from '../../src/main/core/app-core';
import type { ChatSendInput, GenerationEvent } from '../../src/shared/generation';
import { call } from './core';

export type FinishedEvent = Extract<GenerationEvent, { type: 'finished' }>;

export class ChatDriver {
  readonly events: GenerationEvent[] = [];

  constructor(readonly core: AppCore) {
    core.events.subscribe((name, payload) => {
      if (name === 'generation.event') this.events.push(payload as GenerationEvent);
    });
  }

  async send(input: ChatSendInput) {
    const result = await call(this.core, 'chat.send', input);
    if (!result.ok) throw new Error(`chat.send failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  async retry(messageId: number, singleTurn?: boolean) {
    const result = await call(this.core, 'chat.retry', { messageId, ...(singleTurn !== undefined ? { singleTurn } : {}) });
    if (!result.ok) throw new Error(`chat.retry failed: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  async cancel(generationId: string): Promise<void> {
    const result = await call(this.core, 'chat.cancel', { generationId });
    if (!result.ok) throw new Error(`chat.cancel failed: ${result.error.code} ${result.error.message}`);
  }

  /** Resolves with the `finished` event of a generation. */
  async finished(generationId: string): Promise<FinishedEvent> {
    for (let i = 0; i < 800; i++) {
      const done = this.events.find((e) => e.generationId === generationId && e.type === 'finished');
      if (done) return done as FinishedEvent;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`generation ${generationId} did not finish`);
  }

  /** Sends and waits for a complete answer; anything else fails the test with the error it got. */
  async answer(input: ChatSendInput): Promise<FinishedEvent & { userMessageId: number }> {
    const started = await this.send(input);
    const end = await this.finished(started.generationId);
    if (end.status !== 'complete') throw new Error(`answer ${end.status}: ${end.error?.code} ${end.error?.message}`);
    return { ...end, userMessageId: started.userMessage.id };
  }

  /** The bytes of a library image's original. */
  bytesOf(imageId: number): Promise<Buffer> {
    return fs.readFile(this.core.library.originalPath(this.core.library.require(imageId)));
  }

  /** A library image as the data: URI a provider is sent. */
  async dataUriOf(imageId: number): Promise<string> {
    return `data:${this.core.library.require(imageId).mime};base64,${(await this.bytesOf(imageId)).toString('base64')}`;
  }
}
