/**
 * @custom-elements-manifest/analyzer reads the element's JSDoc (@tagname, @attr, @fires, @csspart,
 * @cssprop). The manifest keeps only what a user of the element can reach: no private members, no
 * undocumented fields, no event without a name (the element names its events at run time). The
 * properties that reflect attributes are defined at run time (reflect() in common.js), so the
 * analyzer cannot see them: they are added from the classes' observedAttributes, each linked to its
 * attribute both ways.
 */
import { BackgroundOperationBar } from './src/element.js';
import { BackgroundOperations } from './src/operations.js';
import { BackgroundOperationsConsole } from './src/console.js';

const REFLECTED = {
  BackgroundOperationBar: BackgroundOperationBar.observedAttributes,
  BackgroundOperations: BackgroundOperations.observedAttributes,
  BackgroundOperationsConsole: BackgroundOperationsConsole.observedAttributes,
};

export default {
  globs: ['src/element.js', 'src/operations.js', 'src/console.js'],
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
          for (const name of REFLECTED[declaration.name] ?? []) {
            const attribute = declaration.attributes.find((a) => a.name === name);
            attribute.fieldName = name;
            declaration.members.push({ kind: 'field', name, type: attribute.type, description: attribute.description, attribute: name, reflects: true });
          }
        }
      },
    },
  ],
};
