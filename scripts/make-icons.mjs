#!/usr/bin/env node
// Draws Cartera's app icon (a briefcase on the brand colour) as SVG and renders the PNG sizes the
// web app manifest and iOS need, with the system Chromium (playwright-core, no downloads).
//
//   node scripts/make-icons.mjs        # rewrites public/icons/*; the PNGs are committed
//
// The output is reproducible for a given Chromium build. If you change a colour here, change it
// in index.html (<meta name="theme-color">) and public/manifest.webmanifest too.
import { mkdir, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'public', 'icons');

export const BRAND = '#1f4e79'; // theme_color
const INK = '#ffffff';

// The briefcase, drawn on a 512 x 512 grid and centred on (256, 256). Its corners stay within a
// radius of 190 px, inside the 205 px safe circle of a maskable icon even at scale 1.
function briefcase(scale) {
  const t = `translate(256 256) scale(${scale}) translate(-256 -256)`;
  return `<g transform="${t}">
    <path d="M206 186 V160 a24 24 0 0 1 24 -24 h52 a24 24 0 0 1 24 24 V186"
          fill="none" stroke="${INK}" stroke-width="26" stroke-linejoin="round"/>
    <rect x="120" y="178" width="272" height="208" rx="34" fill="${INK}"/>
    <path d="M120 262 H392" stroke="${BRAND}" stroke-width="14"/>
    <rect x="228" y="240" width="56" height="46" rx="12" fill="${BRAND}"/>
    <rect x="244" y="254" width="24" height="18" rx="5" fill="${INK}"/>
  </g>`;
}

// "any" purpose: rounded square, transparent corners (also the SVG favicon).
const roundedSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <rect width="512" height="512" rx="108" fill="${BRAND}"/>
  ${briefcase(1)}
</svg>
`;

// "maskable" purpose and apple-touch-icon: full bleed, the platform applies its own mask.
const fullBleedSvg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <rect width="512" height="512" fill="${BRAND}"/>
  ${briefcase(0.86)}
</svg>
`;

const PNGS = [
  { file: 'icon-192.png', svg: roundedSvg, size: 192 },
  { file: 'icon-512.png', svg: roundedSvg, size: 512 },
  { file: 'icon-maskable-512.png', svg: fullBleedSvg, size: 512 },
  { file: 'icon-maskable-192.png', svg: fullBleedSvg, size: 192 },
  { file: 'apple-touch-icon.png', svg: fullBleedSvg, size: 180 },
];

async function main() {
  await mkdir(OUT, { recursive: true });
  await writeFile(path.join(OUT, 'icon.svg'), roundedSvg);
  const profile = await mkdtemp(path.join(tmpdir(), 'cartera-icons-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    deviceScaleFactor: 1,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    for (const { file, svg, size } of PNGS) {
      await page.setViewportSize({ width: size, height: size });
      const sized = svg.replace('width="512" height="512"', `width="${size}" height="${size}"`);
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`,
      );
      const png = await page.screenshot({ omitBackground: true, type: 'png' });
      await writeFile(path.join(OUT, file), png);
      console.log(`wrote public/icons/${file} (${size}x${size}, ${png.length} bytes)`);
    }
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

await main();
