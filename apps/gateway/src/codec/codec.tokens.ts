export const CODEC_ACCESS = Symbol('CODEC_ACCESS');
export const CODEC_SERVER_OPTIONS = Symbol('CODEC_SERVER_OPTIONS');
