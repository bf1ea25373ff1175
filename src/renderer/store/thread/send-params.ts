/** What a send carries of the composer's picture settings: its parameters, its count (×N), and each fan-out provider's own. */
import type { ChatSendInput } from '../../../shared/generation';
import { describeModel, type ModelCatalogue } from '../../../shared/model-catalogue';
import type { KindDescription } from '../../../shared/provider-kinds';
import { buildParams, draftCount, EMPTY_PARAMS, type CompareTarget, type ParamsDraft } from '../composer/drafts';

/**
 * The parameters the model takes, and with "How many" above one, the count instead of `n`: the
 * core sends as many per request as the model may carry and asks again for the rest.
 */
export function sendParams(description: KindDescription, draft: ParamsDraft): Pick<ChatSendInput, 'params' | 'count'> {
  const params = buildParams(description, draft);
  const count = draftCount(draft);
  if (count === undefined) return { params };
  const { n: _n, ...rest } = params;
  return { params: rest, count };
}

/** The fan-out's providers, each with its model and its own settings (never another provider's). */
export function compareTargets(
  targets: readonly CompareTarget[],
  params: Record<string, ParamsDraft>,
  catalogue: ModelCatalogue | undefined,
): NonNullable<ChatSendInput['compare']> {
  return targets.map(({ providerId, model, kind }) => {
    const { params: own } = sendParams(describeModel(kind, model, catalogue), { ...(params[providerId] ?? EMPTY_PARAMS), n: '' });
    return { providerId, ...(model ? { model } : {}), params: own };
  });
}
