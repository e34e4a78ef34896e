/**
 * @custom-elements-manifest/analyzer reads the element's JSDoc (@tagname, @attr, @fires, @csspart,
 * @cssprop). The manifest keeps only what a user of the element can reach: no private members, no
 * undocumented fields, no event without a name (the element names its events at run time).
 */
export default {
  globs: ['src/element.js', 'src/operations.js'],
  outdir: '.',
  plugins: [
    {
      name: 'public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const declaration of customElementsManifest.modules.flatMap((m) => m.declarations ?? [])) {
          declaration.events = declaration.events?.filter((e) => e.name);
          declaration.members = declaration.members?.filter(
            (m) => !m.name.startsWith('#') && m.privacy !== 'private' && (m.description || m.kind === 'method'),
          );
        }
      },
    },
  ],
};
