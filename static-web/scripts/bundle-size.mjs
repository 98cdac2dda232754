// Gzipped size of the JavaScript the first view loads: the entry script and its modulepreloads in dist/index.html
// (lazy chunks such as /perf are not counted). Goal: at most 350 KB. Run after `npm run build`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)].map((m) => m[1]);
const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+\.css)"/g)].map((m) => m[1]);
const size = (files) => files.reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f.replace(/^\//, ''))), { level: 9 }).length, 0);
const js = size(scripts);
const css = size(styles);
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
console.log(`first-view JS (gzip): ${kb(js)} in ${scripts.length} file(s); CSS (gzip): ${kb(css)}; goal: JS <= 350 KB`);
if (js > 350 * 1024) {
  console.error('first-view JS is over the 350 KB goal');
  process.exit(1);
}
