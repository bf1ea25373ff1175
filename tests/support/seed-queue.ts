// A queue history for the queue benchmark: `count` ended jobs (done, failed, cancelled and
// interrupted in turn), ten to a conversation, each with its prompt and answer, written through the
// core's own stores so the window lists them as the app would have left them.
import { ConversationStore } from '../../src/main/core/conversations/conversation-store';
import { silentLogger } from '../../src/main/core/logging/log';
import { JobStore } from '../../src/main/core/queue/job-store';
import type { Message } from '../../src/shared/library';
import type { JobState } from '../../src/shared/queue';
import { withLibrary } from './seed-library';

const ENDINGS: JobState[] = ['done', 'done', 'done', 'failed', 'cancelled', 'interrupted'];
/** The answer's status for each way a job ends. */
const STATUS: Record<JobState, Message['status']> = {
  queued: 'streaming',
  running: 'streaming',
  done: 'complete',
  failed: 'error',
  cancelled: 'cancelled',
  interrupted: 'interrupted',
};
const SUBJECTS = ['a lighthouse at dawn', 'a harbour at night', 'lemons on a blue plate', 'a fox in the snow', 'a neon city street'];

export function seedQueueHistory(dataDir: string, count: number, provider = 'agg', model = 'gpt-4o-image'): Promise<void> {
  return withLibrary(dataDir, async (library) => {
    const conversations = new ConversationStore(library.db);
    const jobs = new JobStore(library.db, silentLogger);
    const started = Date.now() - count * 60_000;
    library.db.transaction(() => {
      let conversationId = 0;
      for (let i = 0; i < count; i++) {
        const prompt = `Job ${i + 1}: ${SUBJECTS[i % SUBJECTS.length]}, in the style of study ${i % 37}`;
        if (i % 10 === 0) conversationId = conversations.create(prompt.slice(0, 60)).id;
        const user = conversations.addMessage({ conversationId, role: 'user', text: prompt, provider, model });
        const state = ENDINGS[i % ENDINGS.length]!;
        const status = STATUS[state];
        const answer = conversations.addMessage({
          conversationId,
          role: 'assistant',
          text: 'An answer.',
          status,
          provider,
          model,
          replyTo: user.id,
        });
        const job = jobs.add({
          generationId: `seeded-${i + 1}`,
          conversationId,
          userMessageId: user.id,
          messageId: answer.id,
          provider,
          model,
          autoSource: false,
        });
        const at = started + i * 60_000;
        const error = state === 'failed' ? { code: 'provider_error' as const, message: 'The provider answered 500.' } : null;
        jobs.setState(job.generationId, state, { startedAt: at, finishedAt: at + 4_000 + (i % 7) * 1_000 }, error);
      }
    })();
  });
}
