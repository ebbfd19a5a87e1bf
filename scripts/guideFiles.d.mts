/** The code of every ```ts (or ```typescript) block of a markdown or TSDoc text, in order. */
export function codeBlocks(text: string): string[]
/** A guide's code as files, by file name (`guide.ts` unless blocks name others with `// file: name.ts`). */
export function guideFiles(markdown: string): Map<string, string>
