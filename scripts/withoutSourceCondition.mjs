/** The condition that points tests, scripts and tsx at the TypeScript sources inside this repository. */
export const SOURCE_CONDITION = 'civitas-source'

/**
 * An `exports` or `imports` map (or any of its targets) without the source condition, nested
 * conditions included: what a published manifest carries.
 */
export function withoutSourceCondition(target) {
  if (typeof target !== 'object' || target === null || Array.isArray(target)) return target
  const kept = {}
  for (const [key, value] of Object.entries(target)) {
    if (key !== SOURCE_CONDITION) kept[key] = withoutSourceCondition(value)
  }
  return kept
}
