// The tolerant reading of Givon answers, whose shape nothing public documents: every place an image
// URL may sit, every family of status words, failure messages, and refusal of what is none of these.
import { describe, expect, it } from 'vitest';
import { readGivonAnswer } from '../../../../../../src/main/core/providers/givon/answer';
import { failure } from '../../../../../support/failure';

const A = 'https://cdn.example/a.png';
const B = 'https://cdn.example/b.png';

describe('readGivonAnswer', () => {
  it.each([
    ['output.images[].url', { output: { images: [{ url: A }, { url: B }] } }],
    ['output[].url', { output: [{ url: A }, { url: B }] }],
    ['output as a string list', { output: [A, B] }],
    ['images[].url', { images: [{ url: A }, { url: B }] }],
    ['images[] strings', { images: [A, B] }],
    ['data[].url', { data: [{ url: A }, { url: B }] }],
    ['result.images', { result: { images: [A, B] } }],
    ['output.images[].image_url', { output: { images: [{ image_url: A }, { image_url: { url: B } }] } }],
  ])('finds the URLs at %s (no status: done)', (_where, json) => {
    expect(readGivonAnswer(json)).toEqual({ state: 'done', urls: [A, B] });
  });

  it.each([
    ['output.url', { output: { url: A } }],
    ['url', { url: A }],
    ['image_url', { image_url: A }],
    ['imageUrl', { imageUrl: A }],
    ['output as a string', { output: A }],
    ['a {data:{…}} wrapper', { data: { id: 'g1', status: 'succeeded', output: { images: [{ url: A }] } } }],
  ])('finds the URL at %s', (_where, json) => {
    expect(readGivonAnswer(json)).toMatchObject({ state: 'done', urls: [A] });
  });

  it('turns b64_json into a data: URI and keeps data: URLs', () => {
    expect(readGivonAnswer({ data: [{ b64_json: 'iVBORw0K' }] })).toEqual({ state: 'done', urls: ['data:image/png;base64,iVBORw0K'] });
    expect(readGivonAnswer({ images: ['data:image/webp;base64,UklGR'] })).toEqual({
      state: 'done',
      urls: ['data:image/webp;base64,UklGR'],
    });
  });

  it('lists each URL once, in order, and ignores strings that are not addresses', () => {
    expect(readGivonAnswer({ url: A, output: { images: [{ url: A }, 'a caption', { url: B }] } })).toEqual({ state: 'done', urls: [A, B] });
  });

  it('keeps the job id of a finished answer, as a string', () => {
    expect(readGivonAnswer({ id: 'gen_1', status: 'succeeded', output: { images: [{ url: A }] } })).toEqual({
      state: 'done',
      urls: [A],
      id: 'gen_1',
    });
    expect(readGivonAnswer({ id: 42, status: 'done', url: A })).toMatchObject({ id: '42' });
    expect(readGivonAnswer({ generation_id: 'g2', status: 'completed', url: A })).toMatchObject({ id: 'g2' });
  });

  it.each(['queued', 'pending', 'processing', 'running', 'in_progress', 'starting', 'In Progress', 'IN-PROGRESS', 'QUEUED'])(
    'reads "%s" as still working',
    (status) => {
      expect(readGivonAnswer({ id: 'gen_1', status })).toEqual({
        state: 'pending',
        id: 'gen_1',
        status: status.toLowerCase().replace(/[\s-]+/g, '_'),
      });
    },
  );

  it.each(['succeeded', 'success', 'completed', 'complete', 'done', 'finished', 'SUCCEEDED'])('reads "%s" as finished', (status) => {
    expect(readGivonAnswer({ id: 'gen_1', status, output: { images: [{ url: A }] } })).toEqual({ state: 'done', id: 'gen_1', urls: [A] });
  });

  it('reads a finished status without images as done with no URLs', () => {
    expect(readGivonAnswer({ id: 'gen_1', status: 'succeeded', output: { images: [] } })).toEqual({ state: 'done', id: 'gen_1', urls: [] });
  });

  it('reads the state from `state` when there is no `status`', () => {
    expect(readGivonAnswer({ id: 'gen_1', state: 'running' })).toMatchObject({ state: 'pending', status: 'running' });
  });

  it('waits on an unknown status word of a job, but takes images when they are there', () => {
    expect(readGivonAnswer({ id: 'gen_1', status: 'moderating' })).toEqual({ state: 'pending', id: 'gen_1', status: 'moderating' });
    expect(readGivonAnswer({ id: 'gen_1', status: 'moderated', url: A })).toMatchObject({ state: 'done', urls: [A] });
    expect(readGivonAnswer({ id: 'gen_1' })).toEqual({ state: 'pending', id: 'gen_1', status: 'waiting' });
  });

  it.each([
    ['failed', { error: { message: 'Content policy violation' } }, 'Content policy violation'],
    ['error', { error: 'GPU out of memory' }, 'GPU out of memory'],
    ['cancelled', { message: 'Cancelled by the user' }, 'Cancelled by the user'],
    ['canceled', { detail: 'Timed out upstream' }, 'Timed out upstream'],
    ['FAILED', {}, 'no reason given'],
  ])('reads "%s" as failed with the provider’s message', (status, extra, message) => {
    expect(readGivonAnswer({ id: 'gen_1', status, ...extra })).toEqual({ state: 'failed', id: 'gen_1', message });
  });

  it('reads a failure even when a status word says failed and some URL is present', () => {
    expect(readGivonAnswer({ status: 'failed', error: { message: 'nsfw' }, url: A })).toEqual({ state: 'failed', message: 'nsfw' });
  });

  it('reads an error body without a status as failed', () => {
    expect(readGivonAnswer({ error: { code: 'invalid_input', message: 'input.prompt is required' } })).toEqual({
      state: 'failed',
      message: 'input.prompt is required',
    });
  });

  it('does not take the echoed input images for results', () => {
    const echoed = {
      id: 'gen_1',
      status: 'queued',
      input: { prompt: 'x', sourceImage: 'data:image/png;base64,AAAA', referenceAssetUris: [A] },
    };
    expect(readGivonAnswer(echoed)).toEqual({ state: 'pending', id: 'gen_1', status: 'queued' });
  });

  it.each([
    [{ hello: 'world' }, 'an object with hello'],
    [{}, 'an empty object'],
    [[A], 'a list'],
    [null, 'null'],
    ['ok', 'a string'],
    [{ output: { images: [] } }, 'an object with output'],
  ])('refuses an answer with no id, status or image: %j', async (json, said) => {
    const error = await failure(Promise.resolve().then(() => readGivonAnswer(json)));
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect(error!.message).toContain(said);
  });
});
