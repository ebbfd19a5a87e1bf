/** Where the demo writes its lines. */
export type DemoOutput = (line: string) => void
