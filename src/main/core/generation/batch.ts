/**
 * Variations ("×N") and fan-out, as the core keeps them: how many requests a count takes for a
 * model, and what a prompt's stored request says about its answers (a set of candidates, a
 * fan-out, the answer and picture chosen to go on from, the candidates kept).
 */
import type * as z from 'zod';
import { GenerateParamsSchema } from '../../../shared/generation';
import type { Message } from '../../../shared/library';
import { describeModel, type ModelCatalogue } from '../../../shared/model-catalogue';
import { describeKind } from '../../../shared/provider-kinds';
import type { ProviderKind } from '../../../shared/settings';

type Params = z.output<typeof GenerateParamsSchema>;

/**
 * How many pictures one request to `model` of a `kind` may ask for: the kind's `n` range, narrower
 * for a known model (src/shared/model-catalogue.ts, with the settings file's entries); 0 where the
 * kind, or the model, takes no `n` at all.
 */
export function picturesPerRequest(kind: ProviderKind, model: string | undefined, catalogue?: ModelCatalogue): number {
  const description = model !== undefined && model !== '' ? describeModel(kind, model, catalogue) : describeKind(kind);
  const n = description.params.find((spec) => spec.name === 'n');
  return n?.type === 'count' ? n.max : 0;
}

/**
 * The `n` of each request that `count` pictures take: as many per request as the model may carry
 * (`perRequest`), or one request per picture (`undefined`: no `n` sent) where it takes none.
 */
export function requestPlan(count: number, perRequest: number): Array<number | undefined> {
  if (perRequest <= 0) return Array.from({ length: count }, () => undefined);
  const plan: number[] = [];
  for (let left = count; left > 0; left -= perRequest) plan.push(Math.min(left, perRequest));
  return plan;
}

/** `params` asking for `n` pictures (none: the kind's one). */
export function withN(params: Params, n: number | undefined): Params {
  const { n: _old, ...rest } = params;
  // `n` first, as the composer builds them (a prompt says its settings in this order).
  return n === undefined ? rest : { n, ...rest };
}

/** The library pictures of `answers`, each once, in the order they came. */
export function picturesOf(answers: readonly Pick<Message, 'imageIds'>[]): number[] {
  return [...new Set(answers.flatMap((answer) => answer.imageIds))];
}

/** What one answer of a batch or fan-out was asked with, kept on the answer (`request.ask`) when it is not the prompt's own. */
export function answerAsk(request: Message['request']): { params: Params } | null {
  const ask = request?.ask;
  if (typeof ask !== 'object' || ask === null) return null;
  const params = GenerateParamsSchema.safeParse((ask as { params?: unknown }).params ?? {});
  return params.success ? { params: params.data } : null;
}
