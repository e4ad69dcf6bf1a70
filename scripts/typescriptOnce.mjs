// Bundling only (scripts/bundle.mjs): the one place the bundle imports TypeScript's CommonJS module.
import ts from 'typescript';

export default ts;
