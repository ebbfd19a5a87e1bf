import { runClinicAccessExample } from './runClinicAccessExample.js'

await runClinicAccessExample((line) => console.log(line))
