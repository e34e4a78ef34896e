// Runs vue-tsc on TypeScript 6: vue-tsc needs TypeScript's JavaScript API, which TypeScript 7 (the
// native compiler that builds the declarations) no longer ships. Arguments as for vue-tsc.
require('vue-tsc').run(require.resolve('typescript6/lib/tsc'));
