/** class-transformer's metadata (what @Type declares), which the package exports without types. */
declare module 'class-transformer/cjs/storage' {
  export const defaultMetadataStorage: unknown;
}
