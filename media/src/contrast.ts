/**
 * The panel's coloured text (token segments, tones), checked against the theme's backgrounds. The
 * colours come from theme variables (panel.css defines each as --jwt-<role> on :root), but a chart
 * colour is not made for text: Dark Modern's red on a code block is 3.96:1. So for each role this
 * measures the contrast on the editor background and on a code block, and where it is under WCAG AA's
 * 4.5:1, mixes the colour towards the theme's foreground until it passes, and sets the result on
 * <body>, which the rules read. Done again whenever VS Code changes the theme.
 */

const ROLES = [
  'header',
  'payload',
  'signature',
  'encrypted_key',
  'iv',
  'ciphertext',
  'tag',
  'invalid',
  'ok',
  'bad',
  'warn',
  'info',
] as const;
/** WCAG 2.1 AA for normal text, with a little room for rounding. */
const AA = 4.6;

type Rgba = [number, number, number, number];

/** Any CSS colour as sRGB bytes and alpha, through a canvas (which normalises what it is given). */
function parse(color: string, context: CanvasRenderingContext2D): Rgba | undefined {
  context.fillStyle = '#000';
  context.fillStyle = color.trim();
  const value = String(context.fillStyle);
  const hex = /^#([0-9a-f]{6})$/i.exec(value);
  if (hex) {
    const n = Number.parseInt(hex[1]!, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
  }
  const rgba = /^rgba?\(([^)]+)\)$/.exec(value);
  if (!rgba) return undefined;
  const [r = 0, g = 0, b = 0, a = 1] = rgba[1]!.split(',').map(Number);
  return [r, g, b, a];
}

/** `top` painted over the opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba;
}

function mix(a: Rgba, b: Rgba, t: number): Rgba {
  return [0, 1, 2].map((i) => a[i]! * (1 - t) + b[i]! * t).concat(1) as Rgba;
}

function luminance([r, g, b]: Rgba): number {
  const linear = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG's contrast ratio of two opaque colours. */
function ratio(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Sets --jwt-<role> on <body> for each role: its theme colour, or that colour mixed towards the foreground until it reads. */
function applyContrast(): void {
  const context = document.createElement('canvas').getContext('2d');
  if (!context || !document.body) return;
  const root = getComputedStyle(document.documentElement);
  const variable = (name: string) => root.getPropertyValue(name);
  const page = parse(getComputedStyle(document.body).backgroundColor, context);
  const foreground = parse(variable('--vscode-foreground'), context);
  if (!page || !foreground || page[3] < 1) return;
  const codeBlock = parse(variable('--vscode-textCodeBlock-background') || 'transparent', context);
  const backgrounds = [page, ...(codeBlock ? [over(codeBlock, page)] : [])];
  const text = over(foreground, page);
  for (const role of ROLES) {
    const base = parse(variable(`--jwt-${role}`), context);
    if (!base) continue;
    const opaque = over(base, page);
    let t = 0;
    let color = opaque;
    while (t < 1 && Math.min(...backgrounds.map((bg) => ratio(color, bg))) < AA) {
      t = Math.min(1, t + 0.1);
      color = mix(opaque, text, t);
    }
    if (t === 0) document.body.style.removeProperty(`--jwt-${role}`);
    else document.body.style.setProperty(`--jwt-${role}`, `rgb(${color.slice(0, 3).map(Math.round).join(', ')})`);
  }
}

/** Checks the colours now, and again each time VS Code changes the theme (the variables on <html>, the class on <body>). */
export function keepContrast(): void {
  applyContrast();
  const observer = new MutationObserver(applyContrast);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
  if (document.body) observer.observe(document.body, { attributes: true, attributeFilter: ['class'] });
}
