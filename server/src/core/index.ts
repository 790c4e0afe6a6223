/**
 * The pure core of Statement Lens: no VS Code, no LSP, no file system. Each folder is one concern and builds
 * only on those before it: read < understand < identity < search < corpus < draft (besides model.ts, one
 * exception: read/sidecar.ts knows identity's people.yaml by its name).
 */
export * from './model';
export * from './read';
export * from './understand';
export * from './identity';
export * from './search';
export * from './corpus';
export * from './draft';
