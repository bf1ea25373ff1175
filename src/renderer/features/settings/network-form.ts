/** The network form's fields and the checks made before saving; problems are catalogue keys, worded when shown. */
import { NetworkSettingsSchema, type NetworkSettings as Network } from '../../../shared/settings';

export interface Draft {
  proxyUrl: string;
  username: string;
  /** Only what the user typed now: a saved password is never sent back to the page. */
  password: string;
  connectTimeout: string;
  responseTimeout: string;
}
export type Field = keyof Draft;

type ProblemKey =
  | 'notUrl'
  | 'scheme'
  | 'credentialsInUrl'
  | 'noHost'
  | 'extraParts'
  | 'usernameNeedsUrl'
  | 'passwordNeedsUrl'
  | 'usernameTooLong'
  | 'passwordNeedsUsername'
  | 'passwordTooLong';
/** A check of the form (`settings:network.problems.<key>`), or a message the core or the schema gave as it is. */
export type Problem = { key: ProblemKey } | { key: 'seconds'; min: number; max: number } | { text: string };
export type Errors = Partial<Record<Field, Problem>>;

export const CONNECT = { min: 1, max: 300, default: 15 };
export const RESPONSE = { min: 5, max: 3600, default: 120 };

export function draftFrom(network: Network | undefined): Draft {
  return {
    proxyUrl: network?.proxy?.url ?? '',
    username: network?.proxy?.username ?? '',
    password: '',
    connectTimeout: String(network?.connectTimeoutSec ?? CONNECT.default),
    responseTimeout: String(network?.responseTimeoutSec ?? RESPONSE.default),
  };
}

/** Why `value` is not a proxy URL (`http(s)://host:port`, nothing else), or null when it is one. */
function proxyUrlProblem(value: string): Problem | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { key: 'notUrl' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { key: 'scheme' };
  if (url.username !== '' || url.password !== '') return { key: 'credentialsInUrl' };
  if (url.hostname === '') return { key: 'noHost' };
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') return { key: 'extraParts' };
  return null;
}

function seconds(value: string, range: { min: number; max: number }, errors: Errors, field: Field): number {
  const text = value.trim();
  const number = Number(text);
  if (!/^\d+$/.test(text) || number < range.min || number > range.max) {
    errors[field] = { key: 'seconds', min: range.min, max: range.max };
  }
  return number;
}

/** The settings to save, or the fields at fault. */
export function validate(draft: Draft): { network: Network; errors: null } | { network: null; errors: Errors } {
  const errors: Errors = {};
  const url = draft.proxyUrl.trim();
  const username = draft.username.trim();
  if (url === '') {
    if (username !== '') errors.username = { key: 'usernameNeedsUrl' };
    if (draft.password !== '') errors.password = { key: 'passwordNeedsUrl' };
  } else {
    const problem = proxyUrlProblem(url);
    if (problem) errors.proxyUrl = problem;
    if (username.length > 200) errors.username = { key: 'usernameTooLong' };
    if (draft.password !== '' && username === '') errors.password = { key: 'passwordNeedsUsername' };
  }
  if (draft.password.length > 1000) errors.password = { key: 'passwordTooLong' };
  const connectTimeoutSec = seconds(draft.connectTimeout, CONNECT, errors, 'connectTimeout');
  const responseTimeoutSec = seconds(draft.responseTimeout, RESPONSE, errors, 'responseTimeout');
  if (Object.keys(errors).length > 0) return { network: null, errors };

  const candidate = {
    ...(url === '' ? {} : { proxy: username === '' ? { url } : { url, username } }),
    connectTimeoutSec,
    responseTimeoutSec,
  };
  // The core checks the same schema; this catches anything the friendlier checks above let through.
  const parsed = NetworkSettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { network: null, errors: { [fieldOf(issue?.path.join('.') ?? '') ?? 'proxyUrl']: { text: issue?.message ?? 'invalid' } } };
  }
  return { network: parsed.data, errors: null };
}

/** The form field a core `invalid_input` error names (e.g. `network.proxy.url`, `proxyPassword`). */
export function fieldOf(path: string): Field | undefined {
  if (/(^|\.)proxy\.url$/.test(path) || /(^|\.)proxy$/.test(path)) return 'proxyUrl';
  if (/(^|\.)proxy\.username$/.test(path)) return 'username';
  if (/(^|\.)proxyPassword$/.test(path)) return 'password';
  if (/(^|\.)connectTimeoutSec$/.test(path)) return 'connectTimeout';
  if (/(^|\.)responseTimeoutSec$/.test(path)) return 'responseTimeout';
  return undefined;
}
