// The demo's pictures: what a prompt's words (English and Russian) put in the picture, drawn at the
// size asked, with the prompt written on it; edits over the source, masks honoured; errors on request.
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { startOpenAIImagesServer } from '../../servers/openai-images-server';
import { promptPicture, wrapPrompt } from '../../servers/prompt-picture';
import { COLOURS, readPrompt } from '../../servers/prompt-words';
import { RequestedErrors } from '../../servers/requested-errors';

type Rgb = [number, number, number];

/** A mask as the OpenAI Images API takes it: opaque, except the columns from `left` to `right` (transparent: to change). */
function maskPng(width: number, height: number, left: number, right: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) pixels[i * 4 + 3] = i % width >= left && i % width < right ? 0 : 255;
  return sharp(pixels, { raw: { width, height, channels: 4 } })
    .png()
    .toBuffer();
}
const hexRgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;

/** Share of the pixels (in the given rows, default all) within `tolerance` of a colour. */
async function share(bytes: Buffer, hex: string, tolerance = 40, rows?: [number, number]): Promise<number> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const [r, g, b] = hexRgb(hex);
  const [from, to] = rows ?? [0, info.height];
  let hits = 0;
  for (let y = from; y < to; y++) {
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * info.channels;
      if (Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) <= tolerance) hits++;
    }
  }
  return hits / (info.width * (to - from));
}

/** Mean of each colour channel in the columns from `left`, `width` wide (rounded). */
async function columnsMean(bytes: Buffer, left: number, width: number): Promise<number[]> {
  const { height } = (await sharp(bytes).metadata()) as { height: number };
  const part = await sharp(bytes).extract({ left, top: 0, width, height }).toBuffer();
  return (await sharp(part).stats()).channels.slice(0, 3).map((c) => Math.round(c.mean));
}

describe('what a prompt asks for', () => {
  it('gives a colour to the thing named next, in Russian and in English', () => {
    const ru = readPrompt('Нарисуй красного кота на фоне моря');
    expect(ru.things).toEqual([
      { kind: 'cat', colour: COLOURS.red!.hex, named: true },
      { kind: 'sea', colour: expect.stringMatching(/^#/), named: false },
    ]);
    const en = readPrompt('A blue house and a yellow sun at night, green tree');
    expect(en.things.map((t) => [t.kind, t.colour])).toEqual([
      ['house', COLOURS.blue!.hex],
      ['sun', COLOURS.yellow!.hex],
      ['tree', COLOURS.green!.hex],
    ]);
    expect(en.night).toBe(true);
    expect(readPrompt('ночь, луна и звёзды над горами')).toMatchObject({
      night: true,
      things: [{ kind: 'moon' }, { kind: 'star' }, { kind: 'mountain' }],
    });
    expect(readPrompt('круг, квадрат и дерево; circle, square').things.map((t) => t.kind)).toEqual(['circle', 'square', 'tree']);
  });

  it('gives a trailing colour to the thing before it, and a colour by "фон" / "background" to the background', () => {
    expect(readPrompt('кот красный').things).toEqual([{ kind: 'cat', colour: COLOURS.red!.hex, named: true }]);
    expect(readPrompt('сделай фон синим').background).toBe(COLOURS.blue!.hex);
    expect(readPrompt('a cat on a pink background')).toMatchObject({
      background: COLOURS.pink!.hex,
      things: [{ kind: 'cat', named: false }],
    });
  });

  it('does not take words that only begin like a thing ("который" is no cat)', () => {
    expect(readPrompt('который час, домой').things).toEqual([]);
    expect(readPrompt('purple and orange').colours).toEqual([COLOURS.purple!.hex, COLOURS.orange!.hex]);
  });
});

describe('drawing a prompt', () => {
  it('draws at the size and in the format asked, scaled down to at most 1024 px', async () => {
    const small = await sharp(await promptPicture({ prompt: 'red circle', width: 300, height: 200 })).metadata();
    expect(small).toMatchObject({ format: 'png', width: 300, height: 200 });
    const big = await sharp(await promptPicture({ prompt: 'red circle', width: 4096, height: 2048, format: 'jpeg' })).metadata();
    expect(big).toMatchObject({ format: 'jpeg', width: 1024, height: 512 });
  });

  it('paints the colours the prompt names', async () => {
    const red = await promptPicture({ prompt: 'a red cat', width: 256, height: 256 });
    const green = await promptPicture({ prompt: 'зелёный квадрат', width: 256, height: 256 });
    expect(await share(red, COLOURS.red!.hex)).toBeGreaterThan(0.05);
    expect(await share(red, COLOURS.green!.hex)).toBeLessThan(0.01);
    expect(await share(green, COLOURS.green!.hex)).toBeGreaterThan(0.05);
    expect(await share(green, COLOURS.red!.hex)).toBeLessThan(0.01);
    // night is a dark sky
    const night = await sharp(await promptPicture({ prompt: 'ночь', width: 200, height: 200 })).stats();
    const day = await sharp(await promptPicture({ prompt: 'день', width: 200, height: 200 })).stats();
    expect(night.channels[2]!.mean).toBeLessThan(day.channels[2]!.mean * 0.6);
  });

  it('lays a prompt out the same way every time, and differently for another take', async () => {
    const prompt = 'three stars and a moon';
    const first = await promptPicture({ prompt, width: 128, height: 128 });
    expect((await promptPicture({ prompt, width: 128, height: 128 })).equals(first)).toBe(true);
    expect((await promptPicture({ prompt, width: 128, height: 128, variant: 1 })).equals(first)).toBe(false);
  });

  it('writes the prompt on the picture, Cyrillic and XML characters included', async () => {
    const prompt = "Ёжик в тумане: «кавычки» <b> & 'апостроф' — ёЁ";
    const bytes = await promptPicture({ prompt, width: 400, height: 300 });
    const { height } = (await sharp(bytes).metadata()) as { height: number };
    // the caption band at the bottom is dark, with white letters on it
    const band: [number, number] = [Math.round(height * 0.86), height];
    expect(await share(bytes, '#111111', 90, band)).toBeGreaterThan(0.6);
    expect(await share(bytes, '#ffffff', 90, band)).toBeGreaterThan(0.01);
  });

  it('wraps a long prompt into at most three lines, the last one cut with "…"', () => {
    const lines = wrapPrompt('слово '.repeat(40), 20);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(20);
    expect(lines[2]).toMatch(/…$/);
    expect(wrapPrompt('a'.repeat(25), 10)).toEqual(['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(5)]);
  });

  it('draws an edit over a darkened copy of the source, and only inside the transparent part of a mask', async () => {
    const source = await sharp({ create: { width: 200, height: 100, channels: 3, background: '#f0f0f0' } })
      .png()
      .toBuffer();
    const edited = await promptPicture({ prompt: 'a blue circle', width: 200, height: 100, source });
    expect((await sharp(edited).stats()).channels[0]!.mean).toBeLessThan(170);

    // the left half transparent: only that half may change
    const mask = await maskPng(200, 100, 0, 100);
    const masked = await promptPicture({ prompt: 'a blue circle', width: 200, height: 100, source, mask });
    expect(await columnsMean(masked, 100, 100)).toEqual([240, 240, 240]);
    expect((await columnsMean(masked, 0, 100))[0]).toBeLessThan(170);
  });
});

describe('errors on request', () => {
  it('answers "error 429" and "error 500" once per try, "error 401" every time, other prompts never', () => {
    const errors = new RequestedErrors();
    expect(errors.take('a red cat')).toBeUndefined();
    expect(errors.take('a red cat, error 429')).toMatchObject({ status: 429, headers: { 'retry-after': '2' } });
    expect(errors.take('a red cat, error 429')).toBeUndefined();
    expect(errors.take('a red cat, error 429')).toMatchObject({ status: 429 });
    expect(errors.take('кот, ошибка 500')).toMatchObject({ status: 500 });
    expect(errors.take('кот, ошибка 500')).toBeUndefined();
    expect(errors.take('error 401')).toMatchObject({ status: 401 });
    expect(errors.take('error 401')).toMatchObject({ status: 401 });
    expect(errors.take('terror 4290')).toBeUndefined();
  });
});

describe('a reference server drawing the prompt', () => {
  const servers: { close(): Promise<void> }[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close())));

  it('OpenAI Images: an edit with a mask changes only the masked part of the image, at its size', async () => {
    const server = await startOpenAIImagesServer({ drawPrompt: true });
    servers.push(server);
    const image = await sharp({ create: { width: 256, height: 128, channels: 3, background: '#f0f0f0' } })
      .png()
      .toBuffer();
    const mask = await maskPng(256, 128, 128, 256);
    const form = new FormData();
    form.append('model', 'gpt-image-1');
    form.append('prompt', 'жёлтое солнце');
    form.append('image', new Blob([new Uint8Array(image)], { type: 'image/png' }), 'image.png');
    form.append('mask', new Blob([new Uint8Array(mask)], { type: 'image/png' }), 'mask.png');
    const res = await fetch(`${server.baseUrl}/images/edits`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.apiKey}` },
      body: form,
    });
    expect(res.status).toBe(200);
    const bytes = Buffer.from(((await res.json()) as { data: { b64_json: string }[] }).data[0]!.b64_json, 'base64');
    expect(await sharp(bytes).metadata()).toMatchObject({ format: 'png', width: 256, height: 128 });
    expect(await columnsMean(bytes, 0, 128)).toEqual([240, 240, 240]);
    expect((await columnsMean(bytes, 128, 128))[0]).toBeLessThan(200);
  });
});
