import { createHash } from 'node:crypto';

/** At most this many distinct words of a title are indexed. */
export const MAX_TITLE_WORDS = 64;

/** Domain separation: a word token is never equal to any other hash made with the same key. */
const TOKEN_PREFIX = 'caseflow/title-word:';

/** Lower-case words of letters and digits (any script), each once, in order of first appearance. */
export function wordsOf(text: string): string[] {
  const words =
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_TITLE_WORDS);
}

/** What a free-text query looks for: the words' prefixed forms, which the database hashes with each live key. */
export const wordProbe = (word: string): string => `${TOKEN_PREFIX}${word}`;

/**
 * A title word as stored: sha256(subject key ‖ prefix ‖ word). Without the key it says nothing; once
 * the subject's key is erased, no query can produce it again (the database computes the same hash
 * from `subject_keys.key`, which erasure sets to NULL).
 */
export function wordToken(key: Buffer, word: string): string {
  return createHash('sha256').update(key).update(wordProbe(word), 'utf8').digest('hex');
}
