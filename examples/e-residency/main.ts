import { runEResidencyExample } from './runEResidencyExample.js'

await runEResidencyExample((line) => console.log(line))
