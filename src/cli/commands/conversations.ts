import { HolstError } from '../../shared/errors';
import type { Conversation, Message } from '../../shared/library';
import { parseCommandArgs, parseId } from '../args';
import type { CliContext } from '../context';

const iso = (ms: number) => new Date(ms).toISOString();
const when = (ms: number) => iso(ms).slice(0, 19).replace('T', ' ');

function conversationItem(conversation: Conversation, messages: number) {
  return {
    id: conversation.id,
    title: conversation.title,
    messages,
    createdAt: iso(conversation.createdAt),
    updatedAt: iso(conversation.updatedAt),
  };
}

function messageItem(m: Message) {
  return {
    id: m.id,
    role: m.role,
    text: m.text,
    status: m.status,
    provider: m.provider,
    model: m.model,
    imageIds: m.imageIds,
    replyTo: m.replyTo,
    request: m.request,
    usage: m.usage,
    elapsedMs: m.elapsedMs,
    error: m.error,
    createdAt: iso(m.createdAt),
  };
}

async function list(ctx: CliContext, args: string[]): Promise<void> {
  const { values } = parseCommandArgs(args, { query: { type: 'string' }, limit: { type: 'string', default: '50' } });
  const limit = Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw new HolstError('invalid_input', '--limit must be a whole number from 1 to 500.', { field: 'limit' });
  const core = await ctx.core();
  const conversations = core.conversations
    .list({ limit, ...(values.query !== undefined ? { query: values.query } : {}) })
    .map((c) => conversationItem(c, core.conversations.messages(c.id).length));
  const text = conversations.length
    ? conversations.map((c) => `${c.id}\t${when(Date.parse(c.updatedAt))}\t${c.messages} messages\t${c.title}`).join('\n')
    : 'No conversations.';
  ctx.out.result({ conversations }, text);
}

/** An answer's cost in words: time, tokens, images. */
function costOf(m: Message): string {
  const parts: string[] = [];
  if (m.elapsedMs !== null) parts.push(`${(m.elapsedMs / 1000).toFixed(1)} s`);
  if (m.usage?.totalTokens !== undefined) parts.push(`${m.usage.totalTokens} tokens`);
  return parts.join(', ');
}

async function show(ctx: CliContext, args: string[]): Promise<void> {
  const { positionals } = parseCommandArgs(args, {}, true);
  if (positionals.length !== 1)
    throw new HolstError('invalid_input', 'Give one conversation id, e.g. "holst conversations show 3".', { field: 'id' });
  const id = parseId(positionals[0]!, 'the conversation', 'id');
  const core = await ctx.core();
  const conversation = core.conversations.require(id);
  const messages = core.conversations.messages(id);
  const lines = [`Conversation ${conversation.id}: ${conversation.title || '(untitled)'} (${messages.length} messages)`];
  for (const m of messages) {
    const head = [`#${m.id}`, when(m.createdAt), m.role, ...(m.role === 'assistant' ? [m.status] : [])];
    if (m.provider) head.push(`${m.provider}${m.model ? `/${m.model}` : ''}`);
    if (m.imageIds.length) head.push(`images ${m.imageIds.join(', ')}`);
    const cost = costOf(m);
    if (cost) head.push(cost);
    lines.push('', head.join('  '));
    if (m.text) lines.push(...m.text.split('\n').map((line) => `  ${line}`));
    if (m.error) lines.push(`  error (${m.error.code}): ${m.error.message}`);
  }
  ctx.out.result({ conversation: conversationItem(conversation, messages.length), messages: messages.map(messageItem) }, lines.join('\n'));
}

export async function conversationsCommand(ctx: CliContext): Promise<void> {
  const [sub, ...rest] = ctx.args;
  if (sub === 'list') return list(ctx, rest);
  if (sub === 'show') return show(ctx, rest);
  throw new HolstError('invalid_input', `Unknown command "conversations ${sub ?? ''}". Try "holst --help".`);
}
