import { say } from '../../../shared/core-messages';
import { HolstError } from '../../../shared/errors';
import type { ImageRef } from './types';

const MARKDOWN_IMAGE = /!\[[^\]\n]*\]\(\s*<?((?:https?:\/\/|data:image\/)[^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;

/** Markdown image links (`![alt](https://…)` or data URIs) in text, and the text without them. */
export function extractMarkdownImages(text: string): { urls: string[]; text: string } {
  const { urls, rest } = takeLinks(text);
  return { urls, text: tidy(rest) };
}

/**
 * Markdown image links in streamed text: complete links are taken out as URLs; text from an
 * unfinished `![…](…` on is held back until it completes, so no half link is ever shown.
 */
export class MarkdownImageScanner {
  private pending = '';

  push(delta: string): { text: string; urls: string[] } {
    this.pending += delta;
    const { urls, rest } = takeLinks(this.pending);
    const start = rest.endsWith('!') ? rest.length - 1 : rest.lastIndexOf('![');
    const unfinished = start !== -1 && !/^!\[[^\]\n]*\]\([^)]*\)/.test(rest.slice(start)) && rest.length - start <= 100_000;
    this.pending = unfinished ? rest.slice(start) : '';
    return { text: unfinished ? rest.slice(0, start) : rest, urls };
  }

  flush(): string {
    const rest = this.pending;
    this.pending = '';
    return rest;
  }
}

function takeLinks(text: string): { urls: string[]; rest: string } {
  const urls: string[] = [];
  const rest = text.replace(MARKDOWN_IMAGE, (_match, url: string) => {
    urls.push(url);
    return '';
  });
  return { urls, rest };
}

export function tidy(text: string): string {
  return text
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** An image reference from a URL string: data URIs become bytes, http(s) stays a URL, others are refused. */
export function refFromUrl(url: string, headers?: Record<string, string>): ImageRef {
  if (url.startsWith('data:')) return { kind: 'bytes', bytes: decodeDataUri(url) };
  if (/^https?:\/\//i.test(url)) return { kind: 'url', url, ...(headers ? { headers } : {}) };
  throw HolstError.said('invalid_response', say('imageAddressRefused', { url: url.slice(0, 40) }));
}

export function decodeDataUri(uri: string): Uint8Array {
  const match = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/s.exec(uri);
  if (!match) throw HolstError.said('invalid_response', say('imageDataUriMalformed', {}));
  const base64 = match[2]!.split(';').includes('base64');
  return base64 ? Buffer.from(match[3]!, 'base64') : Buffer.from(decodeURIComponent(match[3]!), 'latin1');
}

export function toDataUri(bytes: Uint8Array, mime: string): string {
  return `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
}
