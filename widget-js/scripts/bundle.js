/** esbuild options of the ready file: an IIFE that defines the element and sets `AsyncOpsWidget`. */
export const ready = {
  entryPoints: ['src/define.js'],
  bundle: true,
  minify: true,
  format: 'iife',
  globalName: 'AsyncOpsWidget',
  target: 'es2022',
  legalComments: 'none',
  outfile: 'dist/asyncops-widget.min.js',
};
