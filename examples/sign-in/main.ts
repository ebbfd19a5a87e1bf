import { runSignInExample } from './runSignInExample.js'

await runSignInExample((line) => console.log(line))
