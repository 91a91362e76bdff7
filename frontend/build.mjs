// Weerbaar's front-end step: bundles the NL Design System CSS (Utrecht components + a theme) and htmx
// into target/classes/static/assets, where Spring serves them. Run by Maven (generate-resources) or `npm run build`.
import * as esbuild from 'esbuild';

const outdir = 'target/classes/static/assets';

await esbuild.build({
  entryPoints: { weerbaar: 'frontend/weerbaar.css' },
  bundle: true,
  minify: true,
  outdir,
  logLevel: 'warning',
});

await esbuild.build({
  entryPoints: { weerbaar: 'frontend/weerbaar.js' },
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  outdir,
  logLevel: 'warning',
});

console.log(`front-end assets written to ${outdir}`);
