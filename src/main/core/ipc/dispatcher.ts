import { isRequestChannel, requests, type ParsedInput, type RequestChannel, type RequestOutput } from '../../../shared/contract';
import { fail, HolstError, invalidInput, isHolstError, ok, type Result } from '../../../shared/errors';
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
      return fail(new HolstError('invalid_input', `Unknown request "${String(channel).slice(0, 80)}".`));
    }
    const parsed = requests[channel].input.safeParse(input);
    if (!parsed.success) return fail(invalidInput(parsed.error, `input for ${channel}`));
    try {
      const handler = handlers[channel] as (input: unknown) => unknown;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (!isHolstError(error)) logger.error(`request ${channel} failed`, error);
      return fail(error);
    }
  };
}
