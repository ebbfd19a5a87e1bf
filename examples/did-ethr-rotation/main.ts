import { runDidEthrRotationExample } from './runDidEthrRotationExample.js'

await runDidEthrRotationExample((line) => console.log(line))
