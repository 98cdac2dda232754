import type { CSSProperties } from 'react';

/** A badge in a table cell keeps its whole word: a narrow column wraps the text beside it instead of cutting the badge. */
export const WHOLE: CSSProperties = { minWidth: 'max-content' };
