// A data folder for the long-conversation benchmark and tests: one conversation of `messages` messages whose
// answers hold about `tokens` tokens of Markdown and `pictures` pictures (real images through the
// real ingest, each with its thumbnail), and `others` short conversations beside it, so the list
// holds a thousand. Written through the core's own stores, as the app would have written them.
import { ConversationStore } from '../../src/main/core/conversations/conversation-store';
import { longAnswer, tokenize } from '../servers/long-answer';
import { paintImage, withLibrary, type SceneName } from './seed-library';

const SCENES: SceneName[] = ['fox', 'city', 'lake', 'lighthouse', 'lemons'];

export interface LongConversation {
  conversationId: number;
  title: string;
  /** A conversation of a few messages, to switch to and back from. */
  otherId: number;
  otherTitle: string;
  /** Text that only the last answer holds, to know it is on screen. */
  lastMarker: string;
  tokens: number;
  pictures: number;
  messages: number;
  conversations: number;
  /** The long conversation's messages as written (for the benchmark's plain-DOM list). */
  plain: Array<{ role: 'user' | 'assistant'; text: string; imageIds: number[] }>;
}

export async function buildLongConversation(
  dataDir: string,
  options: { messages: number; tokens: number; pictures: number; others: number },
): Promise<LongConversation> {
  return withLibrary(dataDir, async (library) => {
    const images: number[] = [];
    for (let i = 0; i < options.pictures; i++) {
      const bytes = await paintImage(SCENES[i % SCENES.length]!, i + 1, 384 + (i % 3) * 64, 384);
      const { image } = await library.ingest(
        { bytes },
        { source: 'generated', prompt: `picture ${i}`, provider: 'agg', model: 'gpt-4o-image' },
      );
      images.push(image.id);
    }
    const store = new ConversationStore(library.db);
    for (let i = 0; i < options.others; i++) {
      const other = store.create(`Conversation ${i + 1}: ${['harbour', 'lemons', 'fox', 'neon city'][i % 4]} studies`);
      const user = store.addMessage({
        conversationId: other.id,
        role: 'user',
        text: `a short prompt ${i}`,
        provider: 'agg',
        model: 'gpt-4o-image',
      });
      store.addMessage({
        conversationId: other.id,
        role: 'assistant',
        text: `A short answer ${i}.`,
        provider: 'agg',
        model: 'gpt-4o-image',
        replyTo: user.id,
      });
    }
    const otherTitle = 'A short chat to switch to';
    const other = store.create(otherTitle);
    const otherUser = store.addMessage({
      conversationId: other.id,
      role: 'user',
      text: 'a lighthouse',
      provider: 'agg',
      model: 'gpt-4o-image',
    });
    store.addMessage({
      conversationId: other.id,
      role: 'assistant',
      text: 'Here it is.',
      provider: 'agg',
      model: 'gpt-4o-image',
      replyTo: otherUser.id,
      imageIds: images.slice(0, 1),
    });

    const title = 'The long conversation';
    const conversation = store.create(title);
    const turns = Math.floor(options.messages / 2);
    const perAnswer = Math.round(options.tokens / turns);
    const lastMarker = `the-very-last-answer-${turns}`;
    let tokens = 0;
    let picture = 0;
    const plain: LongConversation['plain'] = [];
    library.db.transaction(() => {
      for (let t = 0; t < turns; t++) {
        const prompt = `Follow-up ${t + 1}: make the ${['sky', 'sea', 'light', 'shadows'][t % 4]} ${['warmer', 'calmer', 'brighter'][t % 3]}`;
        plain.push({ role: 'user', text: prompt, imageIds: [] });
        const user = store.addMessage({
          conversationId: conversation.id,
          role: 'user',
          text: prompt,
          provider: 'agg',
          model: 'gpt-4o-image',
          request: { params: { n: 1 } },
        });
        // Pictures spread evenly over the answers (the first has one): some have two, some none.
        const until = Math.ceil(((t + 1) * options.pictures) / turns);
        const answerImages = images.slice(picture, until);
        picture = until;
        const text = `${longAnswer(perAnswer, t + 1)}${t === turns - 1 ? `\n\n${lastMarker}` : ''}`;
        tokens += tokenize(text).length;
        plain.push({ role: 'assistant', text, imageIds: answerImages });
        store.addMessage({
          conversationId: conversation.id,
          role: 'assistant',
          text,
          provider: 'agg',
          model: 'gpt-4o-image',
          replyTo: user.id,
          imageIds: answerImages,
        });
      }
    })();
    library.db.pragma('wal_checkpoint(TRUNCATE)');
    return {
      conversationId: conversation.id,
      title,
      otherId: other.id,
      otherTitle,
      lastMarker,
      tokens,
      pictures: picture,
      messages: turns * 2,
      conversations: options.others + 2,
      plain,
    };
  });
}
