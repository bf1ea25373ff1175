// The provider form saves what the kind's description says it has: GigaChat's token address and
// scope, and for the other kinds none, even when something was typed before the kind was changed;
// every kind's `maxConcurrent` (how many of its generations the queue runs at once) as a number.
import { describe, expect, it } from 'vitest';
import { configFrom, draftFrom, fieldProblem } from '../../src/renderer/features/settings/provider-draft';
import { describeKind } from '../../src/shared/provider-kinds';
import { PROVIDER_KINDS, PROVIDER_TEMPLATES, ProviderConfigSchema } from '../../src/shared/settings';

const KIND_SETTINGS = ['authUrl', 'scope', 'maxConcurrent'] as const;

describe('the provider form', () => {
  it("saves exactly the kind's own settings", () => {
    for (const kind of PROVIDER_KINDS) {
      const draft = { ...draftFrom({ ...PROVIDER_TEMPLATES.gigachat, id: 'p', maxConcurrent: 2 }), kind };
      const config = ProviderConfigSchema.parse(configFrom(draft));
      const has = KIND_SETTINGS.filter((name) => config[name] !== undefined);
      expect(has).toEqual(describeKind(kind).settings);
    }
  });

  it('saves GigaChat the addresses and scope typed, trimmed, and leaves out blank ones', () => {
    const draft = draftFrom({ kind: 'gigachat', id: 'giga', baseUrl: 'https://g.example/api/v1' });
    expect(configFrom({ ...draft, authUrl: ' https://g.example/oauth ', scope: 'GIGACHAT_API_CORP' })).toMatchObject({
      authUrl: 'https://g.example/oauth',
      scope: 'GIGACHAT_API_CORP',
    });
    expect(configFrom(draft)).toMatchObject({ authUrl: undefined, scope: undefined });
    expect(configFrom({ ...draft, kind: 'givon', authUrl: 'https://g.example/oauth' })).not.toHaveProperty('authUrl');
  });

  it('saves how many run at once as a whole number, leaves it out when blank, and names it when out of range', () => {
    const draft = draftFrom({ kind: 'openai-chat', id: 'agg', baseUrl: 'https://a.example/v1' });
    expect(draft.maxConcurrent).toBe('');
    expect(configFrom({ ...draft, maxConcurrent: ' 3 ' })).toMatchObject({ maxConcurrent: 3 });
    expect(configFrom(draft)).toMatchObject({ maxConcurrent: undefined });
    expect(draftFrom({ kind: 'openai-chat', id: 'agg', baseUrl: 'https://a.example/v1', maxConcurrent: 5 }).maxConcurrent).toBe('5');
    for (const typed of ['0', '17', 'two']) {
      const parsed = ProviderConfigSchema.safeParse(configFrom({ ...draft, maxConcurrent: typed }));
      expect(parsed.success).toBe(false);
      expect(fieldProblem(parsed.error!.issues[0]!)).toEqual({ key: 'maxConcurrent' });
    }
  });
});
