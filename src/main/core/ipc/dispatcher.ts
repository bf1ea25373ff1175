import type { z } from 'zod';
import { isRequestChannel, requests, type ParsedInput, type RequestChannel, type RequestOutput } from '../../../shared/contract';
import { say } from '../../../shared/core-messages';
import { fail, HolstError, isHolstError, ok, zodProblem, type Result } from '../../../shared/errors';
import type { Logger } from '../logging/log';

export type Handlers = {
  [C in RequestChannel]: (input: ParsedInput<C>) => Promise<RequestOutput<C>> | RequestOutput<C>;
};

/** The handlers of one contract namespace (`library`, `chat` …): every channel of it, and nothing else. */
export type NamespaceHandlers<N extends string> = Pick<Handlers, Extract<RequestChannel, `${N}.${string}`>>;

export type Dispatch = (channel: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * The one entry point for requests from any renderer. Unknown channels and inputs that fail the
 * contract's schema are answered with `invalid_input`; nothing a renderer sends can throw here.
 */
export function createDispatcher(handlers: Handlers, logger: Logger): Dispatch {
  return async (channel, input) => {
    if (!isRequestChannel(channel)) {
      return fail(HolstError.said('invalid_input', say('requestUnknown', { channel: String(channel).slice(0, 80) })));
    }
    const parsed = requests[channel].input.safeParse(input);
    if (!parsed.success) return fail(inputRefused(channel, parsed.error));
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (!isHolstError(error)) logger.error(`request ${channel} failed`, error);
      return fail(error);
    }
  };
}

/** An input the contract's schema refused: the field at fault, and the schema's own words (`problem`). */
function inputRefused(channel: RequestChannel, error: z.ZodError): HolstError {
  const { field, reason: problem } = zodProblem(error);
  return field === undefined
    ? HolstError.said('invalid_input', say('inputInvalid', { channel, problem }))
    : HolstError.said('invalid_input', say('inputInvalidAt', { channel, field, problem }), { field });
}
