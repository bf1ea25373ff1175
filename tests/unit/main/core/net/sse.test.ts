import { describe, expect, it } from 'vitest';
import { parseSse } from '../../../../../src/main/core/net/sse';

async function* split(text: string, cuts: number[]): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    yield bytes.subarray(start, cut);
    start = cut;
  }
}

async function collect(body: AsyncIterable<Uint8Array>) {
  const events = [];
  for await (const event of parseSse(body)) events.push(event);
  return events;
}

const stream = ': keep-alive\r\ndata: {"delta":"Прив"}\r\n\r\nevent: usage\r\ndata: {"a":1}\r\ndata: {"b":2}\r\n\r\ndata: [DONE]\r\n\r\n';
const expected = [
  { event: null, data: '{"delta":"Прив"}' },
  { event: 'usage', data: '{"a":1}\n{"b":2}' },
  { event: null, data: '[DONE]' },
];

describe('parseSse', () => {
  it('parses events with comments, named events, multi-line data and CRLF', async () => {
    expect(await collect(split(stream, []))).toEqual(expected);
  });

  it('gives the same events however the bytes are split, even inside a UTF-8 character or a CRLF', async () => {
    const length = new TextEncoder().encode(stream).length;
    for (let cut = 1; cut < length; cut++) {
      expect(await collect(split(stream, [cut])), `cut at ${cut}`).toEqual(expected);
    }
    const everyByte = Array.from({ length: length - 1 }, (_, i) => i + 1);
    expect(await collect(split(stream, everyByte))).toEqual(expected);
  });

  it('delivers a last event that lacks its blank line, and handles bare \\n and \\r', async () => {
    expect(await collect(split('data: a\n\ndata: b\r\rdata: last', [3, 9]))).toEqual([
      { event: null, data: 'a' },
      { event: null, data: 'b' },
      { event: null, data: 'last' },
    ]);
  });
});
