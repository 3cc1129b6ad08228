export * from './span';
export * from './policy';
export * from './match-policy';
export * from './validate-policy';
