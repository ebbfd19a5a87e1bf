import { runJejuTravelPassExample } from './runJejuTravelPassExample.js'

await runJejuTravelPassExample((line) => console.log(line))
