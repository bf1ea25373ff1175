// Real pictures drawn from a prompt, for the demo servers: the colours and things its words name
// (prompt-words.ts) laid out by a generator seeded from the prompt, with the prompt written under
// them, made by sharp from an SVG. An edit draws over a darkened copy of its source, so a follow-up
// visibly changes the picture; an OpenAI-style mask (transparent = change) keeps the rest untouched.
import sharp from 'sharp';
import { readPrompt, type PromptScene, type Thing } from './prompt-words';
import { random } from './sse';

export interface PromptPictureRequest {
  prompt: string;
  width: number;
  height: number;
  format?: 'png' | 'jpeg' | 'webp';
  /** An edit: the drawing goes over a darkened copy of this image, resized to fill the picture. */
  source?: Buffer;
  /** PNG with alpha, as the OpenAI Images API takes it: only its transparent area is drawn on. */
  mask?: Buffer;
  /** Another take on the same prompt (0 = the first): the layout changes, the things stay. */
  variant?: number;
}

/** Sizes no demo picture goes beyond, whatever was asked. */
export const MAX_SIDE = 1024;
const MIN_SIDE = 16;

/** The size to draw for an asked one: its aspect kept, the long side at most MAX_SIDE. */
export function fitSize(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(MIN_SIDE, Math.round(width * scale)), height: Math.max(MIN_SIDE, Math.round(height * scale)) };
}

export async function promptPicture(request: PromptPictureRequest): Promise<Buffer> {
  const { width, height } = fitSize(request.width, request.height);
  const format = request.format ?? 'png';
  const editing = request.source !== undefined;
  const svg = sceneSvg(request.prompt, width, height, { editing, variant: request.variant ?? 0 });
  let layer: Buffer = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer();
  if (request.mask) layer = await limitToMask(layer, request.mask, width, height);
  const raw = { raw: { width, height, channels: 4 as const } };
  const base = editing
    ? sharp(request.source).resize(width, height, { fit: 'cover' }).flatten({ background: '#ffffff' })
    : sharp({ create: { width, height, channels: 3, background: '#ffffff' } });
  const composed = await base
    .composite([{ input: layer, ...raw }])
    .png()
    .toBuffer();
  return sharp(composed).removeAlpha().toFormat(format).toBuffer();
}

/** Keeps the layer only where the mask is transparent (the area an edit may change). */
async function limitToMask(layer: Buffer, mask: Buffer, width: number, height: number): Promise<Buffer> {
  const alpha = await sharp(mask).resize(width, height, { fit: 'fill' }).ensureAlpha().extractChannel(3).raw().toBuffer();
  const out = Buffer.from(layer);
  for (let i = 0; i < width * height; i++) out[i * 4 + 3] = Math.round((out[i * 4 + 3]! * (255 - alpha[i]!)) / 255);
  return out;
}

/** A generator seeded from the text (FNV-1a): the same prompt, the same layout. */
function seeded(text: string): () => number {
  let hash = 0x811c9dc5;
  for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
  return random(hash);
}

function mix(a: string, b: string, t: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16);
  return `#${[0, 1, 2]
    .map((i) => Math.round(channel(a, i) * (1 - t) + channel(b, i) * t))
    .map((v) => v.toString(16).padStart(2, '0'))
    .join('')}`;
}

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** The prompt in at most three lines of about `perLine` characters, the last one cut with "…". */
export function wrapPrompt(prompt: string, perLine: number, maxLines = 3): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of prompt.trim().split(/\s+/).filter(Boolean)) {
    for (let rest = Array.from(word); rest.length > 0;) {
      const room = perLine - (line ? Array.from(line).length + 1 : 0);
      if (rest.length <= room) {
        line = line ? `${line} ${rest.join('')}` : rest.join('');
        rest = [];
      } else if (line) {
        lines.push(line);
        line = '';
      } else {
        lines.push(rest.slice(0, perLine).join(''));
        rest = rest.slice(perLine);
      }
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${Array.from(kept[maxLines - 1]!)
    .slice(0, perLine - 1)
    .join('')}…`;
  return kept;
}

interface Frame {
  width: number;
  /** The drawing's height: the caption band sits below it. */
  height: number;
  unit: number;
  random: () => number;
  night: boolean;
}

export function sceneSvg(prompt: string, width: number, height: number, options: { editing: boolean; variant: number }): string {
  const scene = readPrompt(prompt);
  const random = seeded(`${options.variant}:${prompt}`);
  const fontSize = Math.max(10, Math.round(Math.min(width, height) / 22));
  const lines = wrapPrompt(prompt || '…', Math.max(8, Math.floor((width * 0.92) / (fontSize * 0.58))));
  const captionHeight = Math.round(lines.length * fontSize * 1.3 + fontSize * 0.9);
  const frame: Frame = { width, height: height - captionHeight, unit: Math.min(width, height - captionHeight), random, night: scene.night };
  const parts = [
    options.editing ? editWash(scene, width, height, frame) : backdrop(scene, width, frame),
    ...scenery(scene, frame),
    caption(lines, width, height, captionHeight, fontSize),
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

/** The sky (and ground) of a new picture. */
function backdrop(scene: PromptScene, width: number, frame: Frame): string {
  const top = scene.night ? '#0b1433' : scene.background ? mix(scene.background, '#ffffff', 0.15) : '#8ecdf7';
  const bottom = scene.night ? '#27406e' : scene.background ? mix(scene.background, '#ffffff', 0.55) : '#e8f5ff';
  const grounded = scene.things.some((t) => t.kind !== 'sea' && placeOf(t) !== 'sky') && !scene.things.some((t) => t.kind === 'sea');
  const horizon = horizonOf(scene, frame);
  const ground = grounded
    ? `<rect x="0" y="${horizon}" width="${width}" height="${frame.height - horizon}" fill="${scene.night ? '#1f3a2b' : '#9fd58a'}"/>`
    : '';
  return `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs><rect width="${width}" height="${frame.height}" fill="url(#sky)"/>${scene.night ? nightStars(frame) : ''}${ground}`;
}

/** An edit: the source shows through, darker (and tinted or made night when the prompt says so). */
function editWash(scene: PromptScene, width: number, height: number, frame: Frame): string {
  const tint = scene.background ? `<rect width="${width}" height="${height}" fill="${scene.background}" fill-opacity="0.35"/>` : '';
  return `<rect width="${width}" height="${height}" fill="#000000" fill-opacity="${scene.night ? 0.7 : 0.5}"/>${tint}${scene.night ? nightStars(frame) : ''}`;
}

function nightStars(frame: Frame): string {
  return Array.from({ length: 40 }, () => {
    const r = Math.max(0.6, frame.unit * (0.002 + frame.random() * 0.004));
    return `<circle cx="${(frame.random() * frame.width).toFixed(1)}" cy="${(frame.random() * frame.height * 0.6).toFixed(1)}" r="${r.toFixed(1)}" fill="#ffffff" fill-opacity="${(0.5 + frame.random() * 0.5).toFixed(2)}"/>`;
  }).join('');
}

type Place = 'sky' | 'back' | 'ground';
const placeOf = (thing: Thing): Place =>
  thing.kind === 'sun' || thing.kind === 'moon' || thing.kind === 'star'
    ? 'sky'
    : thing.kind === 'sea' || thing.kind === 'mountain'
      ? 'back'
      : 'ground';

/** Where the sky meets the sea or the ground. */
const horizonOf = (scene: PromptScene, frame: Frame) =>
  frame.height * (scene.things.some((t) => t.kind === 'sea') ? 0.58 : scene.things.some((t) => t.kind === 'mountain') ? 0.66 : 0.72);

/** Every thing in its place: the far ones first, the sky, then the ones standing in front. */
function scenery(scene: PromptScene, frame: Frame): string[] {
  if (scene.things.length === 0) return abstractShapes(scene, frame);
  const horizon = horizonOf(scene, frame);
  const back = scene.things.filter((t) => placeOf(t) === 'back');
  const sky = scene.things.filter((t) => placeOf(t) === 'sky');
  const front = scene.things.filter((t) => placeOf(t) === 'ground');
  const out: string[] = [];
  // mountains stand behind the sea
  for (const thing of back.filter((t) => t.kind === 'mountain')) out.push(mountains(thing, horizon, frame));
  for (const thing of back.filter((t) => t.kind === 'sea')) out.push(sea(thing, horizon, frame));
  sky.forEach((thing, i) => {
    const x = frame.width * ((i + 0.5) / sky.length) * 0.8 + frame.width * (0.1 + (frame.random() - 0.5) * 0.08);
    const y = frame.height * (0.14 + frame.random() * 0.12);
    out.push(skyThing(thing, x, y, frame, `moon${i}`));
  });
  const baseline = frame.height * (back.some((t) => t.kind === 'sea') ? 0.96 : 0.9);
  front.forEach((thing, i) => {
    const slot = frame.width / front.length;
    const size = Math.min(slot * 0.82, frame.height * (front.length === 1 ? 0.55 : 0.42)) * (0.85 + frame.random() * 0.2);
    const x = slot * (i + 0.5) + (frame.random() - 0.5) * slot * 0.15;
    out.push(groundThing(thing, x, baseline - frame.random() * frame.height * 0.04, size, frame));
  });
  return out;
}

/** No thing named: circles and squares scattered in the prompt's colours (or colours of its own). */
function abstractShapes(scene: PromptScene, frame: Frame): string[] {
  const palette = scene.colours.length > 0 ? scene.colours : ['#e76f51', '#2a9d8f', '#e9c46a', '#264653'];
  const count = 5 + Math.floor(frame.random() * 4);
  return Array.from({ length: count }, (_, i) => {
    const colour = palette[i % palette.length]!;
    const size = frame.unit * (0.12 + frame.random() * 0.22);
    const x = frame.random() * frame.width;
    const y = size / 2 + frame.random() * (frame.height - size);
    const look = `fill="${colour}" fill-opacity="${(0.75 + frame.random() * 0.25).toFixed(2)}" ${outline(frame)}`;
    return frame.random() < 0.5
      ? `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${(size / 2).toFixed(1)}" ${look}/>`
      : `<rect x="${(x - size / 2).toFixed(1)}" y="${(y - size / 2).toFixed(1)}" width="${size.toFixed(1)}" height="${size.toFixed(1)}" ${look} transform="rotate(${(frame.random() * 40 - 20).toFixed(1)} ${x.toFixed(1)} ${y.toFixed(1)})"/>`;
  });
}

const outline = (frame: Frame) => `stroke="#1b1b1b" stroke-width="${Math.max(1, frame.unit / 220).toFixed(1)}"`;

function sea(thing: Thing, top: number, frame: Frame): string {
  const rows = 5;
  const crest = mix(thing.colour, '#ffffff', 0.45);
  const waves = Array.from({ length: rows }, (_, k) => {
    const y = top + ((k + 0.6) * (frame.height - top)) / rows;
    const step = frame.width / (6 + Math.floor(frame.random() * 4));
    const amp = step * 0.18;
    let d = `M${(-frame.random() * step).toFixed(1)} ${y.toFixed(1)}`;
    for (let x = 0; x < frame.width + step; x += step) d += ` q${(step / 2).toFixed(1)} ${(-amp).toFixed(1)} ${step.toFixed(1)} 0`;
    return `<path d="${d}" fill="none" stroke="${crest}" stroke-width="${Math.max(1, frame.unit / 90).toFixed(1)}" stroke-linecap="round"/>`;
  });
  return `<rect x="0" y="${top.toFixed(1)}" width="${frame.width}" height="${(frame.height - top).toFixed(1)}" fill="${frame.night ? mix(thing.colour, '#000000', 0.45) : thing.colour}"/>${waves.join('')}`;
}

function mountains(thing: Thing, base: number, frame: Frame): string {
  const count = 2 + Math.floor(frame.random() * 2);
  return Array.from({ length: count }, (_, i) => {
    const cx = frame.width * ((i + 0.5) / count) + (frame.random() - 0.5) * frame.width * 0.1;
    const half = frame.width * (0.22 + frame.random() * 0.12);
    const peak = base - frame.height * (0.28 + frame.random() * 0.2);
    const cap = 0.28;
    const snow = `${cx - half * cap},${peak + (base - peak) * cap} ${cx},${peak} ${cx + half * cap},${peak + (base - peak) * cap}`;
    const colour = mix(thing.colour, '#000000', i * 0.12);
    return `<polygon points="${cx - half},${base} ${cx},${peak} ${cx + half},${base}" fill="${colour}"/><polygon points="${snow}" fill="#ffffff"/>`;
  }).join('');
}

function starPoints(x: number, y: number, r: number, turn = 0): string {
  return Array.from({ length: 10 }, (_, i) => {
    const radius = i % 2 === 0 ? r : r * 0.45;
    const angle = -Math.PI / 2 + (i * Math.PI) / 5 + turn;
    return `${(x + radius * Math.cos(angle)).toFixed(1)},${(y + radius * Math.sin(angle)).toFixed(1)}`;
  }).join(' ');
}

function skyThing(thing: Thing, x: number, y: number, frame: Frame, id: string): string {
  const r = frame.unit * 0.09;
  if (thing.kind === 'sun') {
    const rays = Array.from({ length: 12 }, (_, i) => {
      const a = (i * Math.PI) / 6;
      return `<line x1="${x + Math.cos(a) * r * 1.25}" y1="${y + Math.sin(a) * r * 1.25}" x2="${x + Math.cos(a) * r * 1.7}" y2="${y + Math.sin(a) * r * 1.7}" stroke="${thing.colour}" stroke-width="${(r / 6).toFixed(1)}" stroke-linecap="round"/>`;
    });
    return `${rays.join('')}<circle cx="${x}" cy="${y}" r="${r}" fill="${thing.colour}"/>`;
  }
  if (thing.kind === 'moon') {
    return `<mask id="${id}"><rect x="${x - r * 2}" y="${y - r * 2}" width="${r * 4}" height="${r * 4}" fill="#ffffff"/><circle cx="${x + r * 0.45}" cy="${y - r * 0.25}" r="${r * 0.85}" fill="#000000"/></mask><circle cx="${x}" cy="${y}" r="${r}" fill="${thing.colour}" mask="url(#${id})"/>`;
  }
  return [0, 1, 2]
    .map((i) => {
      const sx = x + (i - 1) * r * 1.6;
      const sy = y + (i === 1 ? -r * 0.5 : r * 0.3);
      return `<polygon points="${starPoints(sx, sy, r * (i === 1 ? 0.8 : 0.55), frame.random() * 0.4)}" fill="${thing.colour}"/>`;
    })
    .join('');
}

/** A thing standing on the baseline at `x`, about `s` tall. */
function groundThing(thing: Thing, x: number, base: number, s: number, frame: Frame): string {
  const line = outline(frame);
  const c = thing.colour;
  switch (thing.kind) {
    case 'cat': {
      const r = s * 0.3;
      const cy = base - s * 0.45 - r * 0.6;
      const ear = (side: number) =>
        `<polygon points="${x + side * r * 0.95},${cy - r * 0.25} ${x + side * r * 0.7},${cy - r * 1.35} ${x + side * r * 0.15},${cy - r * 0.85}" fill="${c}" ${line}/><polygon points="${x + side * r * 0.78},${cy - r * 0.45} ${x + side * r * 0.66},${cy - r * 1.05} ${x + side * r * 0.35},${cy - r * 0.8}" fill="#f7a8b8"/>`;
      const eye = (side: number) =>
        `<ellipse cx="${x + side * r * 0.4}" cy="${cy - r * 0.12}" rx="${r * 0.17}" ry="${r * 0.22}" fill="#9ee05a" ${line}/><ellipse cx="${x + side * r * 0.4}" cy="${cy - r * 0.12}" rx="${r * 0.05}" ry="${r * 0.17}" fill="#111111"/>`;
      const whiskers = [-1, 1]
        .flatMap((side) =>
          [-0.12, 0, 0.12].map(
            (dy) =>
              `<line x1="${x + side * r * 0.25}" y1="${cy + r * 0.3}" x2="${x + side * r * 1.15}" y2="${cy + r * (0.3 + dy * 2)}" stroke="#1b1b1b" stroke-width="${Math.max(1, r / 40).toFixed(1)}"/>`,
          ),
        )
        .join('');
      const body = `<ellipse cx="${x}" cy="${base - s * 0.22}" rx="${s * 0.32}" ry="${s * 0.23}" fill="${c}" ${line}/><path d="M${x + s * 0.28} ${base - s * 0.12} q${s * 0.3} ${-s * 0.05} ${s * 0.22} ${-s * 0.4}" fill="none" stroke="${c}" stroke-width="${(s * 0.07).toFixed(1)}" stroke-linecap="round"/>`;
      const nose = `<polygon points="${x - r * 0.12},${cy + r * 0.18} ${x + r * 0.12},${cy + r * 0.18} ${x},${cy + r * 0.32}" fill="#e5707e"/>`;
      return `${body}${ear(-1)}${ear(1)}<circle cx="${x}" cy="${cy}" r="${r}" fill="${c}" ${line}/>${eye(-1)}${eye(1)}${nose}${whiskers}`;
    }
    case 'house': {
      const w = s * 0.8;
      const h = s * 0.55;
      const roof = mix(c, '#5a1a0a', 0.55);
      const lit = frame.night ? '#ffe066' : '#cfe8ff';
      return `<rect x="${x - w / 2}" y="${base - h}" width="${w}" height="${h}" fill="${c}" ${line}/><polygon points="${x - w * 0.6},${base - h} ${x},${base - h - s * 0.4} ${x + w * 0.6},${base - h}" fill="${roof}" ${line}/><rect x="${x - w * 0.1}" y="${base - h * 0.55}" width="${w * 0.2}" height="${h * 0.55}" fill="#6b3e1f"/><rect x="${x + w * 0.18}" y="${base - h * 0.78}" width="${w * 0.2}" height="${w * 0.2}" fill="${lit}" ${line}/><rect x="${x - w * 0.38}" y="${base - h * 0.78}" width="${w * 0.2}" height="${w * 0.2}" fill="${lit}" ${line}/>`;
    }
    case 'tree': {
      const trunk = `<rect x="${x - s * 0.06}" y="${base - s * 0.42}" width="${s * 0.12}" height="${s * 0.42}" fill="#7a4a22"/>`;
      const crown = [
        [0, -0.7, 0.3],
        [-0.18, -0.52, 0.22],
        [0.18, -0.52, 0.22],
      ]
        .map(([dx, dy, r]) => `<circle cx="${x + dx! * s}" cy="${base + dy! * s}" r="${r! * s}" fill="${c}"/>`)
        .join('');
      return trunk + crown;
    }
    case 'flower': {
      const cy = base - s * 0.65;
      const petals = Array.from({ length: 6 }, (_, i) => {
        const a = (i * Math.PI) / 3;
        return `<circle cx="${x + Math.cos(a) * s * 0.13}" cy="${cy + Math.sin(a) * s * 0.13}" r="${s * 0.1}" fill="${c}"/>`;
      }).join('');
      return `<line x1="${x}" y1="${base}" x2="${x}" y2="${cy}" stroke="#2a7d2e" stroke-width="${(s * 0.04).toFixed(1)}"/>${petals}<circle cx="${x}" cy="${cy}" r="${s * 0.08}" fill="#f9c80e"/>`;
    }
    case 'square':
      return `<rect x="${x - s * 0.38}" y="${base - s * 0.76}" width="${s * 0.76}" height="${s * 0.76}" fill="${c}" ${line} transform="rotate(${((frame.random() - 0.5) * 16).toFixed(1)} ${x} ${base - s * 0.38})"/>`;
    default:
      return `<circle cx="${x}" cy="${base - s * 0.42}" r="${s * 0.4}" fill="${c}" ${line}/>`;
  }
}

function caption(lines: string[], width: number, height: number, captionHeight: number, fontSize: number): string {
  const top = height - captionHeight;
  const text = lines
    .map((line, i) => `<tspan x="${width / 2}" y="${(top + fontSize * (1.2 + i * 1.3)).toFixed(1)}">${escapeXml(line)}</tspan>`)
    .join('');
  return `<rect x="0" y="${top}" width="${width}" height="${captionHeight}" fill="#111111" fill-opacity="0.92"/><text font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" font-size="${fontSize}" fill="#ffffff" text-anchor="middle">${text}</text>`;
}

/** Draws one server's pictures: each new take on a prompt is the next variant, so "Answer again" differs. */
export function promptPainter(): (request: Omit<PromptPictureRequest, 'variant'>) => Promise<Buffer> {
  const takes = new Map<string, number>();
  return (request) => {
    const variant = takes.get(request.prompt) ?? 0;
    takes.set(request.prompt, variant + 1);
    return promptPicture({ ...request, variant });
  };
}

/** The bytes of a `data:image/…;base64,` URI, or undefined for anything else (asset:// and https:// are not fetched). */
export function dataUriBytes(uri: unknown): Buffer | undefined {
  const match = typeof uri === 'string' ? /^data:image\/[a-z+.-]+;base64,([A-Za-z0-9+/=\s]+)$/.exec(uri) : null;
  return match ? Buffer.from(match[1]!, 'base64') : undefined;
}
