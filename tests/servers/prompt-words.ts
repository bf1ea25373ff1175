// What a prompt asks to be drawn, for the demo's pictures: colours and things named in English or
// Russian. A colour word next to a background word colours the background ("синий фон", "фон
// синим"); otherwise it goes to the thing named next ("красного кота", "red cat"), or, when none
// follows, to the last thing without a colour of its own ("кот красный").

export type ThingKind = 'sun' | 'moon' | 'star' | 'cat' | 'house' | 'tree' | 'flower' | 'circle' | 'square' | 'sea' | 'mountain';

export interface Thing {
  kind: ThingKind;
  /** `#rrggbb`: the colour the prompt gave it, else the thing's own. */
  colour: string;
  /** Whether the prompt named the colour. */
  named: boolean;
}

export interface PromptScene {
  things: Thing[];
  /** Every colour named, in order (`#rrggbb`). */
  colours: string[];
  night: boolean;
  /** A colour the prompt gave the background, if any. */
  background?: string;
}

/** Colour words: Russian adjectives by stem, so every case and gender matches. */
export const COLOURS: Record<string, { hex: string; words: RegExp }> = {
  red: { hex: '#d62828', words: /^(red|красн\p{L}*|алы\p{L}*)$/u },
  blue: { hex: '#1f5fbf', words: /^(blue|син(ий|яя|ее|его|ей|юю|ие|их|им|ими|ем)|голуб\p{L}*)$/u },
  green: { hex: '#2a9d3a', words: /^(green|зел[её]н\p{L}*)$/u },
  yellow: { hex: '#f4c20d', words: /^(yellow|gold(en)?|ж[её]лт\p{L}*|золот\p{L}*)$/u },
  orange: { hex: '#f77f00', words: /^(orange|оранжев\p{L}*|рыж\p{L}*)$/u },
  purple: { hex: '#7b2cbf', words: /^(purple|violet|фиолетов\p{L}*|пурпурн\p{L}*|сиренев\p{L}*)$/u },
  pink: { hex: '#ff6fa8', words: /^(pink|розов\p{L}*)$/u },
  black: { hex: '#151515', words: /^(black|ч[её]рн\p{L}*)$/u },
  white: { hex: '#f7f7f7', words: /^(white|бел(ый|ая|ое|ого|ой|ую|ом|ые|ых|ым|ыми))$/u },
  grey: { hex: '#8d8d8d', words: /^(gr[ae]y|сер(ый|ая|ое|ого|ой|ую|ом|ые|ых|ым))$/u },
  brown: { hex: '#8b5a2b', words: /^(brown|коричнев\p{L}*)$/u },
};

/** Thing words, each with the colour it has when the prompt names none. */
const THINGS: { kind: ThingKind; words: RegExp; colour: string }[] = [
  { kind: 'sun', words: /^(sun|sunny|sunshine|солн\p{L}*)$/u, colour: '#f9c80e' },
  { kind: 'moon', words: /^(moon|лун(а|ы|у|ой|е|н\p{L}*)?)$/u, colour: '#f3efc6' },
  { kind: 'star', words: /^(stars?|зв[её]зд\p{L}*)$/u, colour: '#ffd93d' },
  { kind: 'cat', words: /^(cats?|kittens?|kitty|кот(а|у|ом|е|ы|ов|ам|ами|ик\p{L}*|[её]нок|[её]нка|ята)?|кошк\p{L}*)$/u, colour: '#f28c28' },
  { kind: 'house', words: /^(houses?|home|дом(а|у|ом|е|ов|ик\p{L}*)?)$/u, colour: '#e9c46a' },
  { kind: 'tree', words: /^(trees?|forest|дерев\p{L}*|[её]лк\p{L}*|лес(а|у|ом)?)$/u, colour: '#2a9d3a' },
  { kind: 'flower', words: /^(flowers?|цвет(ок|ка|ку|ы|ов|очк\p{L}*)|роз(а|у|ы))$/u, colour: '#ff6fa8' },
  { kind: 'circle', words: /^(circles?|balls?|round|круг\p{L}*|шар(ы|ик\p{L}*)?)$/u, colour: '#e76f51' },
  { kind: 'square', words: /^(squares?|box(es)?|квадрат\p{L}*)$/u, colour: '#457b9d' },
  { kind: 'sea', words: /^(sea|seas|ocean|waves?|мор(е|я|ю|ем|ск\p{L}*)|океан\p{L}*|волн\p{L}*)$/u, colour: '#1d6fa5' },
  { kind: 'mountain', words: /^(mountains?|hills?|гор(а|ы|у|ой|е|ах|ами)|холм\p{L}*)$/u, colour: '#7d8597' },
];
const NIGHT = /^(night|midnight|dark|ноч\p{L}*|т[её]мн\p{L}*)$/u;
const BACKGROUND = /^(background|sky|фон(а|е|у|ом)?|неб(о|а|е|у))$/u;
/** At most this many things are drawn: a prompt listing more keeps its first ones. */
const MAX_THINGS = 8;

export function readPrompt(prompt: string): PromptScene {
  const scene: PromptScene = { things: [], colours: [], night: false };
  let pending: string | undefined;
  let backgroundAt = -Infinity;
  const words = prompt.toLowerCase().match(/\p{L}+/gu) ?? [];
  words.forEach((word, at) => {
    const colour = Object.values(COLOURS).find((c) => c.words.test(word));
    if (colour) {
      scene.colours.push(colour.hex);
      if (pending) giveBack(scene, pending);
      pending = colour.hex;
      // "фон синим", "make the background blue"
      if (at - backgroundAt <= 2 && scene.background === undefined) {
        scene.background = colour.hex;
        pending = undefined;
      }
      return;
    }
    if (NIGHT.test(word)) scene.night = true;
    if (BACKGROUND.test(word)) {
      backgroundAt = at;
      if (pending) scene.background = pending;
      pending = undefined;
    }
    const thing = THINGS.find((t) => t.words.test(word));
    if (!thing || scene.things.length >= MAX_THINGS) return;
    const colourOf = pending ?? thing.colour;
    if (!scene.things.some((t) => t.kind === thing.kind && t.colour === colourOf))
      scene.things.push({ kind: thing.kind, colour: colourOf, named: pending !== undefined });
    pending = undefined;
  });
  if (pending) giveBack(scene, pending);
  return scene;
}

/** A colour no thing followed: the last thing without a colour of its own takes it (else it only colours abstract shapes). */
function giveBack(scene: PromptScene, hex: string): void {
  const bare = [...scene.things].reverse().find((t) => !t.named);
  if (bare) Object.assign(bare, { colour: hex, named: true });
}
