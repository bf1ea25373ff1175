import { ApiKeySchema } from '../../shared/contract';
import { HolstError, invalidInput } from '../../shared/errors';
import { ProviderIdSchema } from '../../shared/settings';
import { testConnection } from '../../main/core/providers/connection-test';
import { apiKeyEnvName } from '../../main/core/secrets/secret-store';
import type { CliContext } from '../context';

export async function providersCommand(ctx: CliContext): Promise<number | void> {
  const [sub, rawId] = ctx.args;
  if (sub === 'test') return testCommand(ctx, rawId);
  if (sub !== 'list') throw new HolstError('invalid_input', `Unknown command "providers ${sub ?? ''}". Try "holst --help".`);
  const core = await ctx.core();
  const providers = (await core.providers.list()).map(({ config, key }) => ({ ...config, key }));
  const lines = providers.map((p) => `${p.id}\t${p.kind}\t${p.baseUrl}\t${p.key.set ? `key set (${p.key.source})` : 'no key'}`);
  ctx.out.result({ providers }, lines.length > 0 ? lines.join('\n') : 'No providers yet. Add one in the app: Settings → Providers.');
}

const MARKS = { ok: '✓', failed: '✗', skipped: '–' } as const;

async function testCommand(ctx: CliContext, rawId: string | undefined): Promise<number> {
  const id = ProviderIdSchema.safeParse(rawId ?? '');
  if (!id.success) throw invalidInput(id.error, 'provider id');
  const core = await ctx.core();
  const report = await testConnection(core, id.data);
  const lines = report.steps.map((s) => `${MARKS[s.status]} ${s.step.padEnd(7)} ${s.message}`);
  ctx.out.result(report, lines.join('\n'));
  // The report is the answer either way; a failed step still makes the exit status say so.
  return report.ok ? 0 : 6;
}

export async function keyCommand(ctx: CliContext): Promise<void> {
  const [sub, rawId] = ctx.args;
  const id = ProviderIdSchema.safeParse(rawId ?? '');
  if (!id.success) throw invalidInput(id.error, 'provider id');
  const core = await ctx.core();
  core.providers.require(id.data);
  if (sub === 'status') {
    const status = await core.providers.keyStatus(id.data);
    ctx.out.result(status, describe(status.set, status.source, id.data));
    return;
  }
  if (sub === 'set') {
    const key = ApiKeySchema.safeParse(await readAll(ctx.stdin));
    if (!key.success) throw invalidInput(key.error, 'key on standard input');
    const status = await core.providers.setKey(id.data, key.data);
    ctx.out.result(status, `Saved the key for ${id.data}${status.last4 ? ` (••••${status.last4})` : ''}.`);
    return;
  }
  if (sub === 'clear') {
    const status = await core.providers.clearKey(id.data);
    ctx.out.result(status, `Removed the stored key for ${id.data}.`);
    return;
  }
  throw new HolstError('invalid_input', `Unknown command "key ${sub ?? ''}". Try "holst --help".`);
}

function describe(set: boolean, source: string | null, id: string): string {
  if (!set) return `No key for ${id}. Set one with "holst key set ${id}" or ${apiKeyEnvName(id)}.`;
  return source === 'env' ? `Key for ${id} comes from ${apiKeyEnvName(id)}.` : `Key for ${id} is stored (${source}).`;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
