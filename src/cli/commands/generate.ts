import type { AppCore } from '../../main/core/app-core';
import type { CliContext } from '../context';
import { exitCodeFor } from '../output';
import { followUpAsk } from './follow-up';
import { promptImages, readGenerateFlags, type GenerateFlags } from './generate-flags';
import { answersResult, errorFields, fanOutLines, resultLines, type AnswersResult, type FailedResult } from './generate-output';
import { GenerationWatch } from './generation-watch';
import { answerPrompt, type PromptAnswers, type PromptAsk } from './prompt-answers';

/**
 * `holst generate`: the prompt goes to each `--provider` side by side, each answer recorded as a
 * conversation the way the app's chat records it (so `--continue` can follow it), and the command
 * waits for them all. One provider prints its result (or its error) as before; several print
 * `{"results":[…]}`, one per provider in the order given.
 */
export async function generateCommand(ctx: CliContext): Promise<number> {
  const flags = readGenerateFlags(ctx.args);
  const core = await ctx.core();
  const asks = flags.conversationId !== undefined ? [await followUpAsk(core, flags, flags.conversationId)] : await newAsks(core, flags);

  const watch = new GenerationWatch(core, ctx);
  let settled: Array<PromiseSettledResult<PromptAnswers>>;
  try {
    settled = await Promise.allSettled(
      asks.map((ask) => {
        const lane = watch.lane(ask.providerId);
        return watch.follow(lane, answerPrompt(core, ask, watch, lane));
      }),
    );
  } finally {
    watch.close();
  }

  if (asks.length === 1) {
    const [only] = settled;
    if (only!.status === 'rejected') throw only!.reason;
    const result = answersResult(core, only!.value);
    ctx.out.result(result, resultLines(result, flags.count));
    return result.error ? exitCodeFor(result.error.code) : 0;
  }
  const results = settled.map((outcome, i): AnswersResult | FailedResult =>
    outcome.status === 'fulfilled'
      ? answersResult(core, outcome.value)
      : { provider: asks[i]!.providerId, error: errorFields(outcome.reason) },
  );
  ctx.out.result({ results }, fanOutLines(results, flags.count));
  // Every provider made its pictures: 0; else the exit status of the first that did not.
  const failed = results.find((result) => result.error !== undefined);
  return failed?.error ? exitCodeFor(failed.error.code) : 0;
}

/** A new conversation per provider, all with the same prompt and the same images (imported once). */
async function newAsks(core: AppCore, flags: GenerateFlags): Promise<PromptAsk[]> {
  // One provider that is not there is the command's error before any file is read, as it always was.
  if (flags.providers.length === 1) core.providers.require(flags.providers[0]!);
  const { imageIds, maskId } = await promptImages(core, flags);
  return flags.providers.map((providerId, i) => ({
    providerId,
    model: flags.models[i],
    conversationId: undefined,
    prompt: flags.prompt,
    system: flags.system,
    imageIds,
    maskId,
    params: flags.params,
    count: flags.count,
    singleTurn: false,
  }));
}
